// Package bot is a small Discord Gateway client, written to show how a
// library uses a package that gatewaygen generates. Everything it knows of
// the protocol, it takes from the generated package gateway: opcodes, event
// names, close codes and intents, the envelope of every message (Frame) and
// the payloads it sends and reads (Identify, Resume, Hello, Ready,
// MessageCreate...).
//
// # Use
//
// Make a Client with a token, register a Handler for each dispatch event the
// bot cares about, and call Run:
//
//	c := &bot.Client{Token: token, Logger: slog.Default()}
//	c.On(gateway.EventMessageCreate, func(name string, payload any) error {
//		m := payload.(*gateway.MessageCreate)
//		...
//	})
//	err := c.Run(ctx)
//
// Run connects, identifies, and handles the connection until ctx is done or
// the Gateway closes it with a code after which a client must not reconnect.
//
// # What Run does
//
//   - Connecting: the Gateway's first message is Hello, which gives the
//     heartbeat interval. The client answers with Identify, whose intents are
//     gateway.IntentsFor the events that have handlers (plus
//     Client.Intents), or with Resume if it has a session to continue.
//   - Dispatches: the Gateway sends each event with its wire name in the
//     frame's t field. The client decodes the frame with gateway.DecodeFrame
//     and calls the event's handler, if it has one, with the payload that
//     Frame.Payload decodes: the type the docs give the event, such as a
//     *gateway.MessageCreate. The name of an event the generated package
//     does not know is kept: such an event is logged by name and given,
//     as a json.RawMessage, to the handler of gateway.EventUnknown, if any,
//     so a Gateway that is newer than the docs breaks nothing. READY gives
//     the session id and the URL to resume at; every dispatch's s field is
//     the sequence number to heartbeat and resume with.
//   - Heartbeats: the client sends Heartbeat with the last sequence number
//     every interval (the first after a random part of it, as Discord asks),
//     and sends one at once when the Gateway asks for it. If a heartbeat was
//     not acknowledged (Heartbeat ACK) by the time of the next one, the
//     connection is a zombie: the client drops it and reconnects.
//   - Reconnecting: when the Gateway closes the connection, the close code,
//     as a gateway.CloseCode, decides. If its CanReconnect is false, Run
//     returns a *CloseError naming it (for example "Authentication
//     failed"). Otherwise the client reconnects and resumes the session, or
//     identifies again if there is none or the code says it is over
//     (Invalid seq, Session timed out). Opcodes Reconnect and Invalid
//     Session do the same. A reconnect right after a working connection is
//     immediate; further ones, while none reaches READY or RESUMED, wait
//     longer and longer, from a second up to a minute, and so does the one
//     after Invalid Session.
//
// Run returns an error if dialing fails, leaving it to the caller to retry:
// calling Run again resumes the session, if there is one.
// When ctx is done, Run closes the connection with status 1000, which ends
// the session, and returns ctx's error.
//
// A Client holds the state of one session: it must not be used by two
// calls of Run at once.
package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/gatewaygen/gatewaygen/examples/bot/gateway"
)

// DefaultURL is the Gateway's address, with the API version and encoding the
// client speaks.
const DefaultURL = "wss://gateway.discord.gg/?v=10&encoding=json"

// readLimit is the largest message the client reads: READY and GUILD_CREATE
// of a large guild are far larger than the WebSocket library's default.
const readLimit = 16 << 20

// A Handler handles one dispatch event: its wire name and its payload, a
// pointer to the struct the docs give the event (*gateway.Ready,
// *gateway.MessageCreate...), or the raw JSON of an event that has none or
// that the generated package does not know, or whose payload did not
// decode (which is logged). An error it returns is logged; it does not end
// the connection.
type Handler func(name string, payload any) error

// A Client is a bot's connection to the Gateway. Set its fields before Run.
type Client struct {
	// Token is the bot's token, sent with Identify and Resume.
	Token string
	// URL is the Gateway's address; DefaultURL if empty.
	URL string
	// Intents are added to those of the events that have handlers, for the
	// intents that enable no event of their own, such as
	// gateway.IntentMessageContent.
	Intents gateway.Intent
	// Logger receives what the client has to say: connections, unknown
	// events, handler errors, reconnects. Nil discards it.
	Logger *slog.Logger

	// handlers is indexed by event: gateway.MaxEvent+1 entries, the zero
	// one for every event the generated package does not list. Finding a
	// handler is an array index, with no map and no allocation.
	handlers [gateway.MaxEvent + 1]Handler

	// The session, used only by Run's goroutine but for seq, which the
	// heartbeat goroutine reads.
	sessionID string
	resumeURL string
	seq       atomic.Int64 // 0 until the first dispatch
}

// CloseError is the error Run returns when the Gateway closed the connection
// with a code after which a client must not reconnect.
type CloseError struct {
	Code   gateway.CloseCode
	Reason string // the close frame's reason, often empty
}

func (e *CloseError) Error() string {
	msg := fmt.Sprintf("gateway closed the connection with %d, %v", int(e.Code), e.Code)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// On sets the handler of ev, replacing any; a nil h removes it.
// gateway.EventUnknown handles every event the generated package does not
// list. On must not be called while Run runs.
func (c *Client) On(ev gateway.Event, h Handler) {
	c.handlers[ev] = h
}

// IdentifyIntents returns the intents Identify asks for: those of the events
// that have handlers, and c.Intents.
func (c *Client) IdentifyIntents() gateway.Intent {
	i := c.Intents
	for ev, h := range c.handlers {
		if h != nil {
			i |= gateway.IntentsFor(gateway.Event(ev))
		}
	}
	return i
}

// Errors that end a connection but not Run.
var (
	errZombie         = errors.New("no heartbeat ACK since the last heartbeat")
	errReconnect      = errors.New("the gateway asked for a reconnect")
	errInvalidSession = errors.New("the gateway invalidated the session")
)

// A dialError ends Run: the Gateway could not be reached.
type dialError struct{ err error }

func (e *dialError) Error() string { return "dialing the gateway: " + e.err.Error() }
func (e *dialError) Unwrap() error { return e.err }

// Run connects to the Gateway and handles the connection, reconnecting as
// the package doc describes, until ctx is done, dialing fails, or the
// Gateway closes the connection with a code after which a client must not
// reconnect (a *CloseError).
func (c *Client) Run(ctx context.Context) error {
	log := c.logger()
	failures := 0
	for {
		established, err := c.connect(ctx, log)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var de *dialError
		if errors.As(err, &de) {
			return err
		}
		if status := websocket.CloseStatus(err); status != -1 {
			code := gateway.CloseCode(status)
			if !code.CanReconnect() {
				var ce websocket.CloseError
				errors.As(err, &ce)
				return &CloseError{Code: code, Reason: ce.Reason}
			}
			if code == gateway.CloseCodeInvalidSeq || code == gateway.CloseCodeSessionTimedOut {
				c.forgetSession()
			}
		}
		if established && !errors.Is(err, errInvalidSession) {
			failures = 0
		} else {
			failures++
		}
		log.Info("reconnecting", "cause", err, "resume", c.sessionID != "")
		if failures > 0 {
			// Do not hammer a Gateway that keeps failing; after Invalid
			// Session, Discord asks for a wait of 1 to 5 seconds.
			wait := min(time.Second<<min(failures-1, 6), time.Minute)
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}

// connect makes one connection and handles it until it ends, returning why,
// and whether it got as far as READY or RESUMED.
func (c *Client) connect(ctx context.Context, log *slog.Logger) (established bool, err error) {
	ws, _, err := websocket.Dial(ctx, c.dialURL(), nil)
	if err != nil {
		return false, &dialError{err}
	}
	defer ws.CloseNow()
	ws.SetReadLimit(readLimit)

	// The connection's own context is cancelled only when connect returns:
	// when ctx is done, the connection is closed properly, and the reads
	// end with that.
	stop := context.AfterFunc(ctx, func() { ws.Close(websocket.StatusNormalClosure, "") })
	defer stop()
	connCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()

	f, err := readFrame(connCtx, ws)
	if err != nil {
		return false, err
	}
	if f.Op != gateway.OpHello {
		return false, fmt.Errorf("the gateway sent %v before %v", f.Op, gateway.OpHello)
	}
	p, err := f.Payload()
	if err != nil {
		return false, err
	}
	hello, ok := p.(*gateway.Hello)
	if !ok {
		return false, fmt.Errorf("the generated package gives %v no payload", f.Op)
	}
	interval := time.Duration(hello.HeartbeatInterval) * time.Millisecond
	if interval <= 0 {
		return false, fmt.Errorf("%v gave the heartbeat interval %d", f.Op, hello.HeartbeatInterval)
	}

	if c.sessionID != "" {
		err = c.send(connCtx, ws, gateway.OpResume, gateway.Resume{
			Token:     c.Token,
			SessionID: c.sessionID,
			Seq:       c.seq.Load(),
		})
	} else {
		err = c.send(connCtx, ws, gateway.OpIdentify, gateway.Identify{
			Token:   c.Token,
			Intents: c.IdentifyIntents(),
			Properties: gateway.IdentifyConnectionProperties{
				Os:      runtime.GOOS,
				Browser: "gatewaygen-bot",
				Device:  "gatewaygen-bot",
			},
		})
	}
	if err != nil {
		return false, err
	}

	acks := make(chan struct{}, 1)
	beatNow := make(chan struct{}, 1)
	beats := make(chan error, 1)
	go func() { beats <- c.heartbeat(connCtx, ws, interval, acks, beatNow) }()

	for err == nil {
		if f, err = readFrame(connCtx, ws); err == nil {
			var ok bool
			ok, err = c.handle(f, acks, beatNow, log)
			established = established || ok
		}
	}
	cancel()
	if zombie := <-beats; zombie != nil {
		return established, zombie
	}
	return established, err
}

// handle handles one frame of an established connection. It reports
// whether the frame is READY or RESUMED, and returns an error if the
// connection must end.
func (c *Client) handle(f gateway.Frame, acks, beatNow chan<- struct{}, log *slog.Logger) (bool, error) {
	switch f.Op {
	case gateway.OpDispatch:
		return c.dispatch(f, log), nil
	case gateway.OpHeartbeatAck:
		signal(acks)
	case gateway.OpHeartbeat:
		signal(beatNow)
	case gateway.OpReconnect:
		return false, errReconnect
	case gateway.OpInvalidSession:
		var resumable bool
		json.Unmarshal(f.D, &resumable) // false if d is not a boolean
		if !resumable {
			c.forgetSession()
		}
		return false, errInvalidSession
	default:
		// The generated package knows which side sends what, so a payload
		// the server should never send is told apart from one that is new.
		if f.Op.SentBy()&gateway.SenderServer == 0 {
			log.Warn("received an opcode the server does not send", "op", f.Op, "code", int(f.Op))
		} else {
			log.Debug("ignored a frame", "op", f.Op)
		}
	}
	return false, nil
}

// dispatch handles a dispatch event, and reports whether it is READY or
// RESUMED.
func (c *Client) dispatch(f gateway.Frame, log *slog.Logger) (established bool) {
	if f.S != 0 {
		c.seq.Store(f.S)
	}
	ev := f.Event() // EventUnknown if not known
	h := c.handlers[ev]
	var payload any = f.D
	if h != nil || ev == gateway.EventReady {
		p, err := f.Payload()
		if err != nil {
			log.Error("decoding a payload", "event", f.T, "err", err)
		} else {
			payload = p
		}
	}
	switch ev {
	case gateway.EventReady:
		if ready, ok := payload.(*gateway.Ready); ok {
			c.sessionID, c.resumeURL = ready.SessionID, ready.ResumeGatewayURL
		}
		log.Info("ready", "session", c.sessionID)
		established = true
	case gateway.EventResumed:
		log.Info("resumed", "session", c.sessionID, "seq", c.seq.Load())
		established = true
	case gateway.EventUnknown:
		log.Info("unknown event", "name", f.T)
	}
	if h != nil {
		if err := h(f.T, payload); err != nil {
			log.Error("handler failed", "event", f.T, "err", err)
		}
	}
	return established
}

// heartbeat sends heartbeats every interval until ctx is done. It returns
// errZombie, after dropping the connection, if a heartbeat was not
// acknowledged by the time of the next one, and nil otherwise: a failed
// write shows in the reads too, which tell more (the close code).
func (c *Client) heartbeat(ctx context.Context, ws *websocket.Conn, interval time.Duration, acks, beatNow <-chan struct{}) error {
	timer := time.NewTimer(time.Duration(rand.Int64N(int64(interval)) + 1))
	defer timer.Stop()
	awaiting := false
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-beatNow: // asked for by the Gateway: ACKs are not tracked
		case <-timer.C:
			timer.Reset(interval)
			if awaiting {
				select {
				case <-acks:
				default:
					ws.CloseNow() // not a close status of 1000: the session stays resumable
					return errZombie
				}
			}
			awaiting = true
		}
		var seq *int64
		if s := c.seq.Load(); s != 0 {
			seq = &s
		}
		if c.send(ctx, ws, gateway.OpHeartbeat, seq) != nil {
			return nil
		}
	}
}

// send writes a frame of opcode op with payload d.
func (c *Client) send(ctx context.Context, ws *websocket.Conn, op gateway.Op, d any) error {
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	b, err := json.Marshal(gateway.Frame{Op: op, D: data})
	if err != nil {
		return err
	}
	return ws.Write(ctx, websocket.MessageText, b)
}

// readFrame reads and decodes one frame. Its D shares the memory of the
// message, which each read gets anew.
func readFrame(ctx context.Context, ws *websocket.Conn) (gateway.Frame, error) {
	typ, b, err := ws.Read(ctx)
	if err != nil {
		return gateway.Frame{}, err
	}
	if typ != websocket.MessageText {
		return gateway.Frame{}, errors.New("the gateway sent a binary message, which the JSON encoding does not use")
	}
	f, err := gateway.DecodeFrame(b)
	if err != nil {
		return gateway.Frame{}, fmt.Errorf("decoding a frame: %w", err)
	}
	return f, nil
}

// dialURL returns where to connect: the URL READY gave for resuming, with
// the query of c.URL, if there is a session to resume, and c.URL otherwise.
func (c *Client) dialURL() string {
	base := c.URL
	if base == "" {
		base = DefaultURL
	}
	if c.sessionID == "" || c.resumeURL == "" {
		return base
	}
	u, err := url.Parse(c.resumeURL)
	b, err2 := url.Parse(base)
	if err != nil || err2 != nil {
		return base
	}
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery = b.RawQuery
	return u.String()
}

func (c *Client) forgetSession() {
	c.sessionID, c.resumeURL = "", ""
	c.seq.Store(0)
}

func (c *Client) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// signal sends on ch, a channel with a buffer of one, without blocking: a
// signal already pending stands for both.
func signal(ch chan<- struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
