package main

import (
	"fmt"
	"runtime/debug"

	cors "github.com/krakend/krakend-cors/v2"
	gologging "github.com/krakend/krakend-gologging/v2"
	jose "github.com/krakend/krakend-jose/v2"
	koanf "github.com/krakend/krakend-koanf"
	ratelimit "github.com/krakend/krakend-ratelimit/v3/router"
	"github.com/luraproject/lura/v2/config"
	"github.com/luraproject/lura/v2/proxy"
	luragin "github.com/luraproject/lura/v2/router/gin"
)

// The short names KrakenD documents, mapped to the namespaces the modules read. Only modules
// this binary wires are listed: a namespace missing here is refused by `check`, because an
// extra_config block nobody reads (a typo in "auth/validator", say) silently turns it off.
var namespaceAliases = map[string]string{
	"router":               luragin.Namespace,
	"proxy":                proxy.Namespace,
	"auth/validator":       jose.ValidatorNamespace,
	"qos/ratelimit/router": ratelimit.Namespace,
	"security/cors":        cors.Namespace,
	"telemetry/logging":    gologging.Namespace,
}

func init() {
	for alias, namespace := range namespaceAliases {
		// Lura moves an aliased block to its namespace and deletes the alias: an alias equal
		// to its namespace would delete the block itself.
		if alias != namespace {
			config.ExtraConfigAlias[alias] = namespace
		}
	}
}

// loadConfig parses the file the way KrakenD does (JSON, YAML or TOML; KRAKEND_* environment
// variables override top-level values) and resolves the namespace aliases.
func loadConfig(file string) (config.ServiceConfig, error) {
	cfg, err := koanf.New().Parse(file)
	if err != nil {
		return cfg, err
	}
	cfg.Normalize()
	return cfg, nil
}

func versionLine() string {
	modules := []string{
		"github.com/luraproject/lura/v2",
		"github.com/krakend/krakend-jose/v2",
		"github.com/krakend/krakend-ratelimit/v3",
		"github.com/krakend/krakend-cors/v2",
	}
	line := "pos gateway"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return line
	}
	for _, want := range modules {
		for _, dep := range info.Deps {
			if dep.Path == want {
				line += fmt.Sprintf(" %s@%s", dep.Path, dep.Version)
			}
		}
	}
	return line
}
