package gateway

import (
	"errors"
	"fmt"
)

var (
	// ErrUnknownIntents is returned by CheckIntents for bits that are no
	// intent, after which the Gateway closes the connection with
	// CloseCodeInvalidIntent.
	ErrUnknownIntents = errors.New("gateway: unknown intents")
	// ErrPrivilegedIntents is returned by CheckIntents for privileged intents
	// the application is not approved for, after which the Gateway closes
	// the connection with CloseCodeDisallowedIntent.
	ErrPrivilegedIntents = errors.New("gateway: privileged intents not approved")
)

// CheckIntents returns an error if an Identify with intents would make the
// Gateway close the connection: if intents has bits that are no intent, or
// privileged intents beyond approved, those the application is approved for.
func CheckIntents(intents, approved Intents) error {
	if unknown := intents.Remove(IntentsAll); unknown != IntentsNone {
		return fmt.Errorf("%w: %#x", ErrUnknownIntents, int64(unknown))
	}
	if denied := intents & IntentsPrivileged &^ approved; denied != IntentsNone {
		return fmt.Errorf("%w: %#x", ErrPrivilegedIntents, int64(denied))
	}
	return nil
}
