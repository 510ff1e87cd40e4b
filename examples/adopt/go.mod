module github.com/gatewaygen/gatewaygen/examples/adopt

go 1.24

tool github.com/gatewaygen/gatewaygen/cmd/gatewaygen

require (
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/gatewaygen/gatewaygen v0.0.0-00010101000000-000000000000 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/cobra v1.10.2 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
)

// The example builds gatewaygen from this repository; a real library
// requires a released version instead.
replace github.com/gatewaygen/gatewaygen => ../..
