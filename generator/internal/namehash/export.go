package namehash

// Hash is the hash of name's key, for the generator: the declarations of
// namehash.go are emitted as they are, so they stay unexported there.
func Hash(name string) uint64 { return keyOf(name).hash() }

// SameKey reports whether a and b have the same key.
func SameKey(a, b string) bool { return keyOf(a) == keyOf(b) }

// Key returns the words of name's key, for the generator to write into the
// tables it emits.
func Key(name string) (a, b, c uint64, n int) {
	k := keyOf(name)
	return k.a, k.b, k.c, k.n
}
