package gateway

// The package's opcodes, event types, intents and close codes are generated
// by gatewaygen, at the version go.mod pins, from the settings in
// gatewaygen.yaml; the rest of the package is written by hand.
// generate_test.go runs "gatewaygen check" with the same flags, so that the
// generated files cannot fall out of step with the docs or the settings.

//go:generate go tool gatewaygen generate --config gatewaygen.yaml
