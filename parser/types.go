package parser

import (
	"strconv"
	"strings"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file is the grammar of the Type cells of structure tables. The
// words it knows are in vocabulary.go (typeWords, rawWords, idWords,
// tupleWords); the forms are:
//
//	?T                                   T, nullable
//	string, integer, snowflake...        a primitive (typeWords)
//	array of T, list of T, array         an array (of raw JSON when bare)
//	array of two integers (a, b)         a tuple: raw
//	map of K to V                        a map
//	dictionary with keys of K            a map of raw JSON values
//	T or U                               a union: raw
//	mixed, object                        raw (an object may be typed by its Description's link)
//	[x](link), [x](link) object(s)       a link, resolved by the model: a structure, or an enum
//	partial [x](link) object             the same, partial
//	[x](link) object ids                 snowflakes
//	[x](link) strings                    a link, with the primitive of its values
//
// with "a" or "an" before any of them, and a remark in parentheses, a
// remark after a comma and footnote markers after them ignored.

// A typeLink is a link of a Type cell.
type typeLink struct {
	dest string
	text string // the link's text, as cellText gives it: trimmed
}

// readType reads the text of a Type cell, its links marked as linkedText
// marks them, and reports whether the value may be null (a "?" before the
// type).
func readType(text string, links []typeLink) (*model.TypeRef, bool) {
	s, nullable := strings.CutPrefix(strings.TrimSpace(text), "?")
	return typeOf(strings.ToLower(stripNotes(s)), links), nullable
}

func raw(why string) *model.TypeRef { return &model.TypeRef{Kind: model.TypeRaw, Why: why} }

// typeOf reads one type of the grammar.
func typeOf(s string, links []typeLink) *model.TypeRef {
	s = strings.Join(strings.Fields(s), " ")
	for _, article := range []string{"a ", "an "} {
		s = strings.TrimPrefix(s, article)
	}
	if i := strings.IndexAny(s, "(,"); i > 0 {
		s = strings.TrimSpace(s[:i]) // "mixed (any JSON value)", "array of users, optionally with ..."
	}
	if strings.Contains(s, " or ") {
		return raw("union")
	}
	for _, prefix := range []string{"array of ", "list of "} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			if count, _, _ := strings.Cut(rest, " "); tupleWords[count] {
				return raw("tuple")
			}
			return &model.TypeRef{Kind: model.TypeArray, Elem: typeOf(rest, links)}
		}
	}
	if s == "array" || s == "list" {
		return &model.TypeRef{Kind: model.TypeArray, Elem: raw("unknown type")}
	}
	if rest, ok := strings.CutPrefix(s, "map of "); ok {
		if k, v, ok := strings.Cut(rest, " to "); ok {
			return &model.TypeRef{Kind: model.TypeMap, Key: typeOf(k, links), Elem: typeOf(v, links)}
		}
	}
	for _, prefix := range []string{"dictionary with keys of ", "map with keys of "} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			return &model.TypeRef{Kind: model.TypeMap, Key: typeOf(rest, links), Elem: raw("unknown type")}
		}
	}
	partial := false
	if rest, ok := strings.CutPrefix(s, "partial "); ok {
		s, partial = rest, true
	}
	if rest, ok := strings.CutPrefix(s, linkMark); ok {
		num, after, _ := strings.Cut(rest, linkMark)
		i, err := strconv.Atoi(num)
		if err != nil || i >= len(links) {
			return raw("unknown type")
		}
		l := links[i]
		if p := typeWords[strings.ToLower(l.text)]; p != "" && strings.TrimSpace(after) == "" {
			// "[ISO8601 timestamp](/developers/reference#iso8601)": a
			// primitive, linked to where the docs explain it.
			return &model.TypeRef{Kind: model.TypePrimitive, Primitive: p}
		}
		t := &model.TypeRef{Kind: model.TypeLink, Link: l.dest, Partial: partial || strings.HasPrefix(strings.ToLower(l.text), "partial ")}
		after = strings.TrimSpace(after)
		switch {
		case idWords[after]:
			return &model.TypeRef{Kind: model.TypePrimitive, Primitive: model.PrimitiveSnowflake}
		case typeWords[after] != "":
			t.Primitive = typeWords[after] // "[guild feature] strings": an enum's values
		}
		return t
	}
	if p := typeWords[s]; p != "" {
		return &model.TypeRef{Kind: model.TypePrimitive, Primitive: p}
	}
	if why := rawWords[s]; why != "" {
		return raw(why)
	}
	return raw("unknown type")
}
