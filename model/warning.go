package model

// A Warning is a problem with the input that does not stop the build, such
// as a link that leads to no table of the specs given: cmd prints one line
// per warning on stderr. (The same type as the Options of merging that
// issue 17 adds; one of the two goes when both are merged.)
type Warning struct {
	// Pos is the row the warning is about.
	Pos Source
	// Other is a second row it is about, if any.
	Other Source
	Msg   string
}

// String formats w as one line, "file:line: message", as errors are.
func (w Warning) String() string { return w.Pos.String() + ": " + w.Msg }

// Options are the choices BuildWith makes.
type Options struct {
	// Naming derives Go names; nil means DefaultNaming.
	Naming *Naming
}
