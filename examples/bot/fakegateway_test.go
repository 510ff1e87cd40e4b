package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/coder/websocket"

	"github.com/gatewaygen/gatewaygen/examples/bot/gateway"
)

// A fakeGateway is a Gateway in the test's process, on loopback. The test
// plays the server's side of each connection through a fakeConn, which it
// takes from accept in the order the client connects.
type fakeGateway struct {
	t     *testing.T
	ctx   context.Context // bounds every wait of the test
	url   string          // with the query a client sends, as DefaultURL has
	conns chan *fakeConn
}

// newFakeGateway starts a fake Gateway, stopped at the end of the test; ctx
// bounds every wait, so that a test that goes wrong fails rather than hangs.
func newFakeGateway(ctx context.Context, t *testing.T) *fakeGateway {
	g := &fakeGateway{t: t, ctx: ctx, conns: make(chan *fakeConn)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			t.Errorf("accepting a connection: %v", err)
			return
		}
		fc := &fakeConn{t: t, ctx: ctx, ws: ws, query: r.URL.Query(), in: make(chan received, 1024)}
		go fc.readLoop()
		select {
		case g.conns <- fc:
		case <-ctx.Done():
			ws.CloseNow()
		}
	}))
	t.Cleanup(srv.Close)
	g.url = "ws" + strings.TrimPrefix(srv.URL, "http") + "/?v=10&encoding=json"
	return g
}

// baseURL is the Gateway's address with no query, as READY gives it for
// resuming.
func (g *fakeGateway) baseURL() string {
	u, _ := url.Parse(g.url)
	u.Path, u.RawQuery = "", ""
	return u.String()
}

// accept returns the next connection a client makes.
func (g *fakeGateway) accept() *fakeConn {
	g.t.Helper()
	select {
	case fc := <-g.conns:
		g.t.Cleanup(func() { fc.ws.CloseNow() })
		return fc
	case <-g.ctx.Done():
		g.t.Fatal("timed out waiting for the client to connect")
		return nil
	}
}

// A fakeConn is the server's side of one connection.
type fakeConn struct {
	t     *testing.T
	ctx   context.Context
	ws    *websocket.Conn
	query url.Values

	// ack says whether heartbeats are acknowledged, at once as they arrive.
	ack atomic.Bool
	// in has what the client sent, in order, and then the error that ended
	// the connection.
	in chan received
}

type received struct {
	p   gateway.Frame
	err error
}

func (fc *fakeConn) readLoop() {
	for {
		p, err := readFrame(context.Background(), fc.ws)
		if err == nil && p.Op == gateway.OpHeartbeat && fc.ack.Load() {
			err = fc.send(gateway.OpHeartbeatAck, "", 0, nil)
		}
		fc.in <- received{p, err}
		if err != nil {
			return
		}
	}
}

// send sends a payload; t and s are left null if empty and zero.
func (fc *fakeConn) send(op gateway.Op, t string, s int64, d any) error {
	p := map[string]any{"op": op, "d": d, "t": nil, "s": nil}
	if t != "" {
		p["t"] = t
	}
	if s != 0 {
		p["s"] = s
	}
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return fc.ws.Write(fc.ctx, websocket.MessageText, b)
}

func (fc *fakeConn) hello(intervalMillis int) {
	fc.t.Helper()
	if err := fc.send(gateway.OpHello, "", 0, map[string]int{"heartbeat_interval": intervalMillis}); err != nil {
		fc.t.Fatal(err)
	}
}

func (fc *fakeConn) dispatch(event string, s int64, d any) {
	fc.t.Helper()
	if err := fc.send(gateway.OpDispatch, event, s, d); err != nil {
		fc.t.Fatal(err)
	}
}

// close closes the connection with a Gateway close code.
func (fc *fakeConn) close(code gateway.CloseCode) {
	fc.t.Helper()
	if err := fc.ws.Close(websocket.StatusCode(code), code.String()); err != nil {
		fc.t.Fatalf("closing with %d: %v", int(code), err)
	}
}

// next returns the next thing the client sent: a payload, or the error
// that ended the connection.
func (fc *fakeConn) next() received {
	fc.t.Helper()
	select {
	case r := <-fc.in:
		return r
	case <-fc.ctx.Done():
		fc.t.Fatal("timed out waiting for the client")
		return received{}
	}
}

// expect returns the next payload that is not a heartbeat, and fails the
// test if its opcode is not op.
func (fc *fakeConn) expect(op gateway.Op) gateway.Frame {
	fc.t.Helper()
	for {
		r := fc.next()
		switch {
		case r.err != nil:
			fc.t.Fatalf("waiting for %v: %v", op, r.err)
		case r.p.Op == gateway.OpHeartbeat:
			continue
		case r.p.Op != op:
			fc.t.Fatalf("got %v, want %v", r.p.Op, op)
		}
		return r.p
	}
}

// heartbeat returns the sequence number the next heartbeat carries, -1 for
// null, and fails the test if the client sends anything else.
func (fc *fakeConn) heartbeat() int64 {
	fc.t.Helper()
	r := fc.next()
	if r.err != nil {
		fc.t.Fatalf("waiting for a heartbeat: %v", r.err)
	}
	if r.p.Op != gateway.OpHeartbeat {
		fc.t.Fatalf("got %v, want %v", r.p.Op, gateway.OpHeartbeat)
	}
	seq := int64(-1)
	if string(r.p.D) != "null" {
		if err := json.Unmarshal(r.p.D, &seq); err != nil {
			fc.t.Fatalf("heartbeat %s: %v", r.p.D, err)
		}
	}
	return seq
}

// heartbeatWithSeq waits for a heartbeat that carries seq, skipping earlier
// ones, and fails the test after 100 heartbeats without it.
func (fc *fakeConn) heartbeatWithSeq(seq int64) {
	fc.t.Helper()
	for range 100 {
		if fc.heartbeat() == seq {
			return
		}
	}
	fc.t.Fatalf("no heartbeat with seq %d in 100", seq)
}

// dropped waits until the client ends the connection, skipping heartbeats,
// and returns the error that ended it.
func (fc *fakeConn) dropped() error {
	fc.t.Helper()
	for {
		r := fc.next()
		if r.err != nil {
			return r.err
		}
		if r.p.Op != gateway.OpHeartbeat {
			fc.t.Fatalf("got %v, want the connection to end", r.p.Op)
		}
	}
}

// syncBuffer is a bytes.Buffer that a logger and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
