package model

// A Warning is a problem with the input that does not stop the build, such
// as a link that leads to no table of the specs given: cmd prints one line
// per warning on stderr.
type Warning struct {
	Source Source
	// Other is a second position the warning is about, if any.
	Other Source
	Msg   string
}

func (w Warning) String() string {
	s := w.Source.String() + ": " + w.Msg
	if w.Other.File != "" {
		s += " (see " + w.Other.String() + ")"
	}
	return s
}

// Options are the choices Build makes.
type Options struct {
	// Naming derives Go names; nil means DefaultNaming.
	Naming *Naming
}
