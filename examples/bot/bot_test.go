package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/gatewaygen/gatewaygen/examples/bot/gateway"
)

// testTimeout bounds each test that talks to the fake Gateway. It is not
// how the tests synchronise, which is on what the client and the server
// send: only a test that goes wrong waits for it.
//
// The heartbeat intervals the fake Gateway gives are short, so that the
// tests are quick, but not so short that an ACK, sent as soon as the
// heartbeat arrives, could come after the next beat on a busy machine, when
// the client would take the connection for a zombie.
const testTimeout = 20 * time.Second

// start runs c in a goroutine and returns the channel Run's error arrives on.
func start(ctx context.Context, c *Client) <-chan error {
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	return done
}

// wait returns what arrives on ch, failing the test if ctx is done first.
func wait[T any](ctx context.Context, t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// TestRun plays a session: Hello, Identify with the intents of the
// handlers, READY, dispatches (one the generated package does not know),
// heartbeats answered by ACKs; then close code 4000, after which the client
// resumes, and 4004, after which it stops.
func TestRun(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	gw := newFakeGateway(ctx, t)

	var logs syncBuffer
	c := &Client{Token: "bot-token", URL: gw.url, Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the client's log:\n%s", logs.String())
		}
	})
	messages := make(chan string, 1)
	c.On(gateway.EventMessageCreate, func(name string, payload any) error {
		m, ok := payload.(*gateway.MessageCreate)
		if !ok {
			return fmt.Errorf("MESSAGE_CREATE's payload is a %T", payload)
		}
		messages <- m.Content
		return nil
	})
	c.On(gateway.EventGuildCreate, func(string, any) error { return nil })
	done := start(ctx, c)

	// The first connection: a new session.
	c1 := gw.accept()
	c1.ack.Store(true)
	c1.hello(100)
	var identify gateway.Identify
	if err := json.Unmarshal(c1.expect(gateway.OpIdentify).D, &identify); err != nil {
		t.Fatal(err)
	}
	if identify.Token != "bot-token" || identify.Properties.Os == "" {
		t.Errorf("Identify has token %q and properties %v", identify.Token, identify.Properties)
	}
	wantIntents := gateway.IntentsFor(gateway.EventMessageCreate, gateway.EventGuildCreate)
	if identify.Intents != wantIntents || wantIntents != gateway.IntentGuildMessages|gateway.IntentDirectMessages|gateway.IntentGuilds {
		t.Errorf("Identify asks for intents %v, want %v", identify.Intents, wantIntents)
	}

	c1.dispatch("READY", 1, map[string]any{"v": 10, "session_id": "session-1", "resume_gateway_url": gw.baseURL()})
	c1.dispatch("MESSAGE_CREATE", 2, map[string]any{"content": "!ping", "channel_id": "1019622840129003573"})
	c1.dispatch("GUILD_POWERUP_ENTITLEMENTS_CREATE", 3, map[string]any{"guild_id": "1019622840129003570"})
	if got := wait(ctx, t, messages, "MESSAGE_CREATE's handler"); got != "!ping" {
		t.Errorf("MESSAGE_CREATE's handler got %q", got)
	}
	// Heartbeats carry the last seq. Each is acknowledged as it arrives;
	// a client that did not see the ACKs would drop the connection at the
	// next beat, so three beats on this connection show that it does.
	c1.heartbeatWithSeq(3)
	for range 2 {
		if seq := c1.heartbeat(); seq != 3 {
			t.Errorf("heartbeat with seq %d, want 3", seq)
		}
	}
	c1.close(gateway.CloseCodeUnknownError)

	// 4000 allows a reconnect: the client resumes, at the URL READY gave.
	c2 := gw.accept()
	if got := c2.query.Encode(); got != "encoding=json&v=10" {
		t.Errorf("the resuming connection's query is %q, want that of the client's URL", got)
	}
	c2.ack.Store(true)
	c2.hello(60_000)
	var resume gateway.Resume
	if err := json.Unmarshal(c2.expect(gateway.OpResume).D, &resume); err != nil {
		t.Fatal(err)
	}
	if resume.Token != "bot-token" || resume.SessionID != "session-1" || resume.Seq != 3 {
		t.Errorf("Resume has %+v, want token bot-token, session session-1, seq 3", resume)
	}
	c2.dispatch("RESUMED", 4, nil)
	c2.close(gateway.CloseCodeAuthenticationFailed)

	// 4004 does not: Run returns.
	err := wait(ctx, t, done, "Run to return")
	var ce *CloseError
	if !errors.As(err, &ce) || ce.Code != gateway.CloseCodeAuthenticationFailed {
		t.Fatalf("Run returned %v, want a *CloseError with code 4004", err)
	}
	if !strings.Contains(err.Error(), "Authentication failed") {
		t.Errorf("Run's error %q does not name the close code", err)
	}
	select {
	case <-gw.conns:
		t.Error("the client connected again after 4004")
	default:
	}

	log := logs.String()
	for _, want := range []string{
		`msg="unknown event" name=GUILD_POWERUP_ENTITLEMENTS_CREATE`,
		`msg=ready session=session-1`,
		`msg=resumed session=session-1 seq=4`,
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the log has no %s:\n%s", want, log)
		}
	}
}

// TestRunZombie leaves heartbeats unacknowledged: the client drops the
// connection, with no close code that would end the session, and resumes.
func TestRunZombie(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	gw := newFakeGateway(ctx, t)
	c := &Client{Token: "bot-token", URL: gw.url}
	done := start(ctx, c)

	c1 := gw.accept()
	c1.ack.Store(true)
	c1.hello(50)
	c1.expect(gateway.OpIdentify)
	c1.dispatch("READY", 1, map[string]any{"session_id": "session-1"})
	c1.heartbeatWithSeq(1) // the client has the session
	c1.ack.Store(false)
	err := c1.dropped()
	if status := websocket.CloseStatus(err); status == websocket.StatusNormalClosure || status == websocket.StatusGoingAway {
		t.Errorf("the client closed the zombie connection with %v, which ends the session", status)
	}

	c2 := gw.accept()
	c2.hello(60_000)
	var resume gateway.Resume
	if err := json.Unmarshal(c2.expect(gateway.OpResume).D, &resume); err != nil {
		t.Fatal(err)
	}
	if resume.SessionID != "session-1" || resume.Seq != 1 {
		t.Errorf("Resume has %+v, want session session-1, seq 1", resume)
	}
	c2.close(gateway.CloseCodeInvalidIntents)
	if err := wait(ctx, t, done, "Run to return"); !strings.Contains(err.Error(), "4013, Invalid intent(s)") {
		t.Errorf("Run returned %v, want the error of close code 4013", err)
	}
}

// TestRunCancel cancels Run's context: the client closes the connection
// with 1000 and Run returns the context's error.
func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	gw := newFakeGateway(ctx, t)
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	ready := make(chan struct{})
	c := &Client{Token: "bot-token", URL: gw.url}
	c.On(gateway.EventReady, func(string, any) error { close(ready); return nil })
	done := start(runCtx, c)

	c1 := gw.accept()
	c1.ack.Store(true)
	c1.hello(60_000)
	c1.expect(gateway.OpIdentify)
	c1.dispatch("READY", 1, map[string]any{"session_id": "session-1"})
	wait(ctx, t, ready, "READY's handler")
	stop()
	if status := websocket.CloseStatus(c1.dropped()); status != websocket.StatusNormalClosure {
		t.Errorf("the client closed with %v, want %v", status, websocket.StatusNormalClosure)
	}
	if err := wait(ctx, t, done, "Run to return"); !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
}

// TestRunDialError: with no Gateway to connect to, Run returns at once.
func TestRunDialError(t *testing.T) {
	c := &Client{URL: "ws://127.0.0.1:1/"}
	if err := c.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "dialing the gateway") {
		t.Errorf("Run returned %v, want a dial error", err)
	}
}

// TestDispatch dispatches without a connection: to handlers by event,
// known events with no handler dropped, unknown ones logged by name and
// given to the handler of EventUnknown.
func TestDispatch(t *testing.T) {
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	var c Client
	for _, raw := range []string{messageCreate, futureEvent, ready} { // no handlers at all
		c.dispatch(frame(t, raw), log)
	}
	if !strings.Contains(logs.String(), "name=GUILD_POWERUP_ENTITLEMENTS_CREATE") {
		t.Errorf("the unknown event was not logged by name:\n%s", logs.String())
	}
	if c.sessionID != "7b0f8e1fbd5a1a4a7b1d0e4a5a4d3c2b" || c.seq.Load() != 1 {
		t.Errorf("after READY, session %q and seq %d", c.sessionID, c.seq.Load())
	}

	var got []string
	record := func(name string, payload any) error {
		got = append(got, fmt.Sprintf("%s %T", name, payload))
		return errors.New("handler error")
	}
	c.On(gateway.EventMessageCreate, record)
	c.On(gateway.EventUnknown, record)
	for _, raw := range []string{messageCreate, futureEvent, ready} {
		c.dispatch(frame(t, raw), log)
	}
	if strings.Join(got, ",") != "MESSAGE_CREATE *gateway.MessageCreate,GUILD_POWERUP_ENTITLEMENTS_CREATE json.RawMessage" {
		t.Errorf("handlers saw %q", got)
	}
	if !strings.Contains(logs.String(), `msg="handler failed" event=MESSAGE_CREATE err="handler error"`) {
		t.Errorf("a handler's error was not logged:\n%s", logs.String())
	}
}

func TestIdentifyIntents(t *testing.T) {
	c := Client{Intents: gateway.IntentMessageContent}
	nop := func(string, any) error { return nil }
	for _, ev := range []gateway.Event{gateway.EventReady, gateway.EventUnknown, gateway.EventMessageReactionAdd} {
		c.On(ev, nop)
	}
	want := gateway.IntentMessageContent | gateway.IntentGuildMessageReactions | gateway.IntentDirectMessageReactions
	if got := c.IdentifyIntents(); got != want {
		t.Errorf("IdentifyIntents() = %v, want %v", got, want)
	}
}

func TestHandlerTable(t *testing.T) {
	var c Client
	if got, want := len(c.handlers), int(gateway.MaxEvent)+1; got != want {
		t.Errorf("the handler table has %d entries, want MaxEvent+1 = %d", got, want)
	}
	for _, ev := range gateway.Events() {
		if parsed, ok := gateway.ParseEvent(ev.String()); !ok || parsed != ev || int(ev) >= len(c.handlers) {
			t.Errorf("event %v does not index the table", ev)
		}
	}
}

// BenchmarkDispatch measures decoding and dispatching a frame: nearly all of
// it is decoding the payload, since decoding the frame copies nothing and
// finding the handler is an array index.
func BenchmarkDispatch(b *testing.B) {
	var c Client
	c.On(gateway.EventMessageCreate, func(string, any) error { return nil })
	log := slog.New(slog.DiscardHandler)
	raw := []byte(messageCreate)
	b.ReportAllocs()
	for b.Loop() {
		f, err := gateway.DecodeFrame(raw)
		if err != nil {
			b.Fatal(err)
		}
		c.dispatch(f, log)
	}
}

func frame(t *testing.T, raw string) gateway.Frame {
	t.Helper()
	f, err := gateway.DecodeFrame([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Payloads as the Gateway sends them, trimmed of fields the test does not read.
const (
	ready = `{"t":"READY","s":1,"op":0,"d":{"v":10,"user_settings":{},"user":{"verified":true,"username":"examplebot","mfa_enabled":false,` +
		`"id":"1019622479536812052","global_name":null,"flags":0,"email":null,"discriminator":"0","bot":true,"avatar":null},` +
		`"session_type":"normal","session_id":"7b0f8e1fbd5a1a4a7b1d0e4a5a4d3c2b","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg",` +
		`"relationships":[],"private_channels":[],"presences":[],"guilds":[{"unavailable":true,"id":"1019622840129003570"}],` +
		`"guild_join_requests":[],"geo_ordered_rtc_regions":["newark","us-east"],"application":{"id":"1019622479536812052","flags":565248}}}`

	messageCreate = `{"t":"MESSAGE_CREATE","s":2,"op":0,"d":{"type":0,"tts":false,"timestamp":"2024-05-01T12:00:00.000000+00:00",` +
		`"pinned":false,"nonce":"1235139227839184896","mentions":[],"mention_roles":[],"mention_everyone":false,` +
		`"member":{"roles":[],"joined_at":"2022-09-14T12:00:00.000000+00:00"},"id":"1235139229030236180","flags":0,` +
		`"embeds":[],"edited_timestamp":null,"content":"!ping","components":[],"channel_id":"1019622840129003573",` +
		`"author":{"username":"someone","id":"204255221017214977","global_name":"Someone","discriminator":"0"},` +
		`"attachments":[],"guild_id":"1019622840129003570"}}`

	// An event this copy of the docs does not list (yet).
	futureEvent = `{"t":"GUILD_POWERUP_ENTITLEMENTS_CREATE","s":3,"op":0,"d":{"sku_id":"1235139229030236181","guild_id":"1019622840129003570"}}`
)
