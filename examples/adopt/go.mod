module github.com/gatewaygen/gatewaygen/examples/adopt

go 1.24
