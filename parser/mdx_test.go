package parser

import (
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// An official-docs page: front matter, imports (one over several lines), an
// export, an {/* comment */}, ManualAnchor tags right above h6 headings, a
// Warning whose opening tag spans two lines and whose body holds markdown
// and a table-like line, an Info element with text on its line, Client
// Action, Title Case names, a Send Events table (not ours) and a Receive
// Events table of links that starts with Hello, Reconnect and Invalid
// Session.
func TestOfficialMDX(t *testing.T) {
	doc := parseFile(t, "testdata/official-gateway.mdx")
	checkDoc(t, doc, []wantOpcode{
		{30, 0, "DISPATCH", model.SenderServer, "An event was dispatched.", false, false},
		{31, 1, "HEARTBEAT", model.SenderBoth, "Keeps the connection alive.", false, false},
		{32, 2, "IDENTIFY", model.SenderClient, "Starts a new session.", false, false},
		{33, 11, "HEARTBEAT_ACK", model.SenderServer, "Acknowledges a Heartbeat.", false, false},
	}, []wantEvent{
		{49, "READY", "Contains the initial state information", false, false},
		{52, "MESSAGE_CREATE", "Message was created", false, false},
		{53, "GUILD_AUDIT_LOG_ENTRY_CREATE", "A guild audit log entry was created", false, false},
	})
}

func TestBlankMDX(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{
			name: "front matter",
			src:  "---\ntitle: x\n---\n# T\n",
			want: "   \n        \n   \n# T\n",
		},
		{
			name: "unclosed front matter is a rule",
			src:  "---\n# T\n",
			want: "---\n# T\n",
		},
		{
			name: "ESM up to a blank line",
			src:  "import {\n  A,\n} from 'a';\nexport const b = 1;\n\nimport the rest by hand.\n",
			want: "        \n    \n           \n                   \n\nimport the rest by hand.\n",
		},
		{
			name: "self-closing tag over lines, with > and braces in attributes",
			src:  "<Anchor\n  id=\"a>b\"\n  x={{y: '}'}} />\n# T\n",
			want: "       \n          \n                 \n# T\n",
		},
		{
			name: "tags go, the markdown they hold stays",
			src:  "<Warning>\n**Careful**\n</Warning>\n  <Tip>Text</Tip>\n",
			want: "         \n**Careful**\n          \n       Text</Tip>\n",
		},
		{
			name: "fragments and comments",
			src:  "<>\n{/* it's {odd} */}\n</>\n",
			want: "  \n                  \n   \n",
		},
		{
			name: "lower-case HTML, inline tags and code stay",
			src:  "<div>x</div>\nText <Badge>new</Badge>\n```\n<Warning>\nimport { a } from 'a'\n```\n",
			want: "<div>x</div>\nText <Badge>new</Badge>\n```\n<Warning>\nimport { a } from 'a'\n```\n",
		},
		{
			name: "an unterminated tag or one across a blank line stays",
			src:  "<Note title=\"a\n\nb\">\n<Open\n",
			want: "<Note title=\"a\n\nb\">\n<Open\n",
		},
		{
			name: "CRLF",
			src:  "---\r\na: b\r\n---\r\n<X />\r\n# T\r\n",
			want: "   \r\n    \r\n   \r\n     \r\n# T\r\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(blankMDX([]byte(tt.src)))
			if got != tt.want {
				t.Errorf("blankMDX(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if len(got) != len(tt.src) || strings.Count(got, "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("blankMDX moved bytes: %d bytes, %d lines; want %d, %d", len(got), strings.Count(got, "\n"), len(tt.src), strings.Count(tt.src, "\n"))
			}
		})
	}
}

// Errors in an MDX document point at the original line and column, since
// blanking moves nothing.
func TestMDXPositions(t *testing.T) {
	src := "---\ntitle: x\n---\nimport A from 'a'\n\n<ManualAnchor id=\"x\" />\n###### Gateway Opcodes\n\n| Code | Name |\n|--|--|\n| one | Hello |\n"
	_, err := Parse("t.mdx", []byte(src))
	if err == nil || err.Error() != `t.mdx:11:3: opcode code "one" is not an integer` {
		t.Errorf("error = %v, want it at t.mdx:11:3", err)
	}
}
