package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An Error is a problem with the input, at a position a user can jump to.
type Error struct {
	Pos Source
	Msg string
}

func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// Errorf returns an *Error at pos.
func Errorf(pos Source, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// MaxReported caps how many errors an ErrorList prints, so that a document of
// the wrong kind does not bury the first, most useful lines.
const MaxReported = 25

// An ErrorList collects every problem found in the input, as go/scanner's
// ErrorList does, so that a user can fix them all in one pass.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Source, format string, args ...any) {
	*l = append(*l, Errorf(pos, format, args...))
}

// Sort orders the list by file, then line, keeping the order of errors on the
// same line.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int { return comparePos(a.Pos, b.Pos) })
}

// comparePos orders positions by file, then line, then column.
func comparePos(a, b Source) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// Error prints one error a line, at most MaxReported of them.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == MaxReported {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
