package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"
	krakendcors "github.com/krakend/krakend-cors/v2"
	gologging "github.com/krakend/krakend-gologging/v2"
	jose "github.com/krakend/krakend-jose/v2"
	ratelimit "github.com/krakend/krakend-ratelimit/v3/router"
	"github.com/luraproject/lura/v2/config"
	"github.com/luraproject/lura/v2/logging"
	"github.com/luraproject/lura/v2/proxy"
)

// checkConfig lists everything that would make the gateway behave other than the file says.
// Lura and the modules are lenient: an unknown key, a namespace nobody reads or a module
// block that fails to parse is logged at start and ignored, which for a JWT validator means
// an open endpoint. Here each of those is an error.
func checkConfig(file string, cfg config.ServiceConfig) []string {
	var problems []string
	if strings.EqualFold(filepath.Ext(file), ".json") {
		problems = append(problems, unknownKeys(file)...)
	}

	known := knownNamespaces()
	problems = append(problems, unknownNamespaces("service", cfg.ExtraConfig, known)...)
	problems = append(problems, checkServiceModules(cfg)...)

	pf := proxy.NewDefaultFactory(backendFactory(), logging.NoOp)
	for _, endpoint := range cfg.Endpoints {
		where := fmt.Sprintf("endpoint %s %s", endpoint.Method, endpoint.Endpoint)
		problems = append(problems, unknownNamespaces(where, endpoint.ExtraConfig, known)...)
		for i, backend := range endpoint.Backend {
			problems = append(problems,
				unknownNamespaces(fmt.Sprintf("%s backend %d", where, i), backend.ExtraConfig, known)...)
		}
		problems = append(problems, checkEndpointModules(where, endpoint)...)
		if _, err := pf.New(endpoint); err != nil {
			problems = append(problems, fmt.Sprintf("%s: building its proxy: %v", where, err))
		}
	}

	return append(problems, checkRoutes(cfg)...)
}

func knownNamespaces() map[string]bool {
	known := map[string]bool{}
	for _, namespace := range namespaceAliases {
		known[namespace] = true
	}
	return known
}

func unknownNamespaces(where string, extra config.ExtraConfig, known map[string]bool) []string {
	var problems []string
	for namespace := range extra {
		if !known[namespace] {
			problems = append(problems,
				fmt.Sprintf("%s: extra_config %q is not a module this gateway runs", where, namespace))
		}
	}
	sort.Strings(problems)
	return problems
}

func checkServiceModules(cfg config.ServiceConfig) []string {
	var problems []string

	if raw, ok := cfg.ExtraConfig[krakendcors.Namespace]; ok {
		parsed, isCors := krakendcors.ConfigGetter(cfg.ExtraConfig).(krakendcors.Config)
		switch {
		case !isCors:
			problems = append(problems, fmt.Sprintf("security/cors: unreadable block %v", raw))
		case len(parsed.AllowOrigins) == 0:
			// The module answers every origin when the list is empty; that must be written out.
			problems = append(problems, "security/cors: allow_origins is empty (it would allow every origin)")
		}
	}

	if _, ok := cfg.ExtraConfig[gologging.Namespace]; ok {
		if _, err := gologging.NewLogger(cfg.ExtraConfig); err != nil {
			problems = append(problems, fmt.Sprintf("telemetry/logging: %v", err))
		}
	}
	return problems
}

func checkEndpointModules(where string, endpoint *config.EndpointConfig) []string {
	var problems []string
	forwards := func(header string) bool {
		return slices.ContainsFunc(endpoint.HeadersToPass, func(h string) bool {
			return h == "*" || strings.EqualFold(h, header)
		})
	}

	signature, err := jose.GetSignatureConfig(endpoint)
	switch {
	case err == jose.ErrNoValidatorCfg:
	case err != nil:
		problems = append(problems, fmt.Sprintf("%s: auth/validator: %v", where, err))
	default:
		if signature.Alg == "" {
			problems = append(problems, where+": auth/validator: alg is missing")
		}
		if signature.URI == "" && signature.LocalPath == "" {
			problems = append(problems, where+": auth/validator: jwk_url is missing")
		}
		// A claim set as a header but not forwarded never reaches the backend.
		for _, claim := range signature.PropagateClaimsToHeader {
			if len(claim) != 2 {
				problems = append(problems, fmt.Sprintf("%s: propagate_claims entry %v is not [claim, header]", where, claim))
				continue
			}
			if !forwards(claim[1]) {
				problems = append(problems, fmt.Sprintf("%s: header %s (claim %s) is missing from input_headers", where, claim[1], claim[0]))
			}
		}
		// The backends verify the token again; without it every call would be refused there.
		if !forwards("Authorization") {
			problems = append(problems, where+": a protected endpoint must list Authorization in input_headers")
		}
	}

	limits, err := ratelimit.ConfigGetter(endpoint.ExtraConfig)
	switch {
	case err == ratelimit.ErrNoExtraCfg:
	case err != nil:
		problems = append(problems, fmt.Sprintf("%s: qos/ratelimit/router: %v", where, err))
	default:
		if limits.MaxRate <= 0 && limits.ClientMaxRate <= 0 {
			problems = append(problems, where+": qos/ratelimit/router: neither max_rate nor client_max_rate is set")
		}
		if limits.ClientMaxRate > 0 && !slices.Contains([]string{"ip", "header", "param"}, limits.Strategy) {
			problems = append(problems, fmt.Sprintf("%s: qos/ratelimit/router: unknown strategy %q", where, limits.Strategy))
		}
	}
	return problems
}

// checkRoutes registers every endpoint on a scratch router: conflicting paths panic there,
// and would otherwise stop the gateway at start.
func checkRoutes(cfg config.ServiceConfig) (problems []string) {
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	noop := func(*gin.Context) {}
	for _, endpoint := range cfg.Endpoints {
		func() {
			defer func() {
				if r := recover(); r != nil {
					problems = append(problems, fmt.Sprintf("endpoint %s %s: %v", endpoint.Method, endpoint.Endpoint, r))
				}
			}()
			method := strings.ToUpper(endpoint.Method)
			if !slices.Contains([]string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}, method) {
				panic("unsupported method " + endpoint.Method)
			}
			engine.Handle(method, endpoint.Endpoint, noop)
		}()
	}
	return problems
}

// unknownKeys compares the file's keys with the fields Lura reads; a misspelt key such as
// "input_header" would otherwise be dropped without a word.
func unknownKeys(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return []string{err.Error()}
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		return []string{fmt.Sprintf("not valid JSON: %v", err)}
	}

	serviceKeys := fieldKeys(reflect.TypeOf(config.ServiceConfig{}))
	endpointKeys := fieldKeys(reflect.TypeOf(config.EndpointConfig{}))
	backendKeys := fieldKeys(reflect.TypeOf(config.Backend{}))
	// "$schema" is how editors find the KrakenD schema; Lura has no field for it.
	serviceKeys["$schema"] = true

	problems := strayKeys("service", root, serviceKeys)
	endpoints, _ := root["endpoints"].([]any)
	for i, item := range endpoints {
		endpoint, _ := item.(map[string]any)
		where := fmt.Sprintf("endpoint %d (%v)", i, endpoint["endpoint"])
		problems = append(problems, strayKeys(where, endpoint, endpointKeys)...)
		backends, _ := endpoint["backend"].([]any)
		for j, b := range backends {
			backend, _ := b.(map[string]any)
			problems = append(problems, strayKeys(fmt.Sprintf("%s backend %d", where, j), backend, backendKeys)...)
		}
	}
	return problems
}

func strayKeys(where string, object map[string]any, allowed map[string]bool) []string {
	var problems []string
	for key := range object {
		if !allowed[key] {
			problems = append(problems, fmt.Sprintf("%s: unknown key %q", where, key))
		}
	}
	sort.Strings(problems)
	return problems
}

func fieldKeys(t reflect.Type) map[string]bool {
	keys := map[string]bool{}
	for i := range t.NumField() {
		field := t.Field(i)
		name, options, _ := strings.Cut(field.Tag.Get("mapstructure"), ",")
		if field.Anonymous && strings.Contains(options, "squash") {
			for key := range fieldKeys(field.Type) {
				keys[key] = true
			}
			continue
		}
		if name != "" && name != "-" {
			keys[name] = true
		}
	}
	return keys
}
