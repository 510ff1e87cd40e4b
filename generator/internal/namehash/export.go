package namehash

// Hash is the hash of name's key, for the generator: the declarations of
// namehash.go are emitted as they are, so they stay unexported there.
func Hash(name string) uint64 { return keyOf(name).hash() }
