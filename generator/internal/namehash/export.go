package namehash

// keyOf returns the key of s, for the generator. Each Parse function
// computes the key with these same lines, written out in it by the
// generator (generator/lookup.go) from the helpers of namehash.go: Go does
// not inline a function of three loads, and the call would cost a tenth of
// a lookup. The generated packages' tests, which parse every name and near
// misses of it, fail if the two ever differ.
func keyOf(s string) (k nameKey) {
	k.n = len(s)
	if k.n < 8 {
		k.a = shortWord(s)
	} else {
		k.a, k.b, k.c = load64(s, 0), load64(s, (k.n-8)/2), load64(s, k.n-8)
	}
	return k
}

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
