package namehash

// Hash is nameHash, for the generator: the declarations of namehash.go are
// emitted as they are, so they stay unexported there.
func Hash(name string) uint64 { return nameHash(name) }
