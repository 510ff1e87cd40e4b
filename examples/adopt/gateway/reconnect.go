package gateway

import "fmt"

// An Action is what a client does after the Gateway closed its connection.
type Action int

const (
	// ActionResume reconnects and resumes the session.
	ActionResume Action = iota
	// ActionIdentify reconnects and starts a new session: the old one is
	// over.
	ActionIdentify
	// ActionStop does not reconnect: doing so would fail the same way.
	ActionStop
)

func (a Action) String() string {
	switch a {
	case ActionResume:
		return "resume"
	case ActionIdentify:
		return "identify"
	case ActionStop:
		return "stop"
	}
	return fmt.Sprintf("Action(%d)", int(a))
}

// AfterClose returns what to do after the Gateway closed the connection with
// code. The close codes say whether a client may reconnect at all; which of
// them end the session is this package's knowledge: an invalid sequence
// number or a timed-out session, and a close with status 1000 or 1001, which
// Discord treats as the client ending it.
func AfterClose(code CloseCode) Action {
	switch {
	case !code.CanReconnect():
		return ActionStop
	case code == CloseCodeInvalidSeq, code == CloseCodeSessionTimedOut, code == 1000, code == 1001:
		return ActionIdentify
	}
	return ActionResume
}

// A CloseError says that the Gateway closed the connection with a code after
// which the client must not reconnect.
type CloseError struct {
	Code CloseCode
}

func (e *CloseError) Error() string {
	return fmt.Sprintf("gateway: connection closed with %d (%v)", int(e.Code), e.Code)
}
