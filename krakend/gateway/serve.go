package main

import (
	"context"
	"os"

	"github.com/gin-gonic/gin"
	corsgin "github.com/krakend/krakend-cors/v2/gin"
	gologging "github.com/krakend/krakend-gologging/v2"
	jose "github.com/krakend/krakend-jose/v2"
	josegin "github.com/krakend/krakend-jose/v2/gin"
	ratelimitgin "github.com/krakend/krakend-ratelimit/v3/router/gin"
	"github.com/luraproject/lura/v2/config"
	"github.com/luraproject/lura/v2/logging"
	"github.com/luraproject/lura/v2/proxy"
	luragin "github.com/luraproject/lura/v2/router/gin"
	"github.com/luraproject/lura/v2/transport/http/client"
	"github.com/luraproject/lura/v2/transport/http/server"
)

// serve runs the gateway until ctx ends, then drains open requests and returns.
func serve(ctx context.Context, cfg config.ServiceConfig) error {
	logger := newLogger(cfg)

	if err := jose.SetGlobalCacher(logger, cfg.ExtraConfig); err != nil && err != jose.ErrNoValidatorCfg {
		logger.Error("[SERVICE: JOSE]", err.Error())
	}

	// The same layering as the KrakenD distribution: the validator runs first, so a rate
	// limit keyed on a propagated claim header sees the claim, never what the client sent.
	handlers := luragin.CustomErrorEndpointHandler(logger, server.DefaultToHTTPError)
	handlers = ratelimitgin.NewRateLimiterMw(logger, handlers)
	handlers = josegin.HandlerFactory(handlers, logger, nil)
	handlers = dropClaimHeaders(handlers)

	runServer := server.RunServerWithLoggerFactory(logger)
	runWithCors := corsgin.NewRunServerWithLogger(corsgin.RunServer(runServer), logger)

	engine := luragin.NewEngine(cfg, luragin.EngineOptions{Logger: logger, Writer: os.Stdout})

	routerFactory := luragin.NewFactory(luragin.Config{
		Engine:         engine,
		ProxyFactory:   proxy.NewDefaultFactory(backendFactory(), logger),
		Middlewares:    []gin.HandlerFunc{},
		Logger:         logger,
		HandlerFactory: handlers,
		RunServer:      luragin.RunServerFunc(runWithCors),
	})

	logger.Info("[SERVICE: Gateway]", versionLine())
	routerFactory.NewWithContext(ctx).Run(cfg)
	return nil
}

// backendFactory is Lura's plain HTTP backend: the sync servers answer JSON over HTTP and
// every endpoint passes their answer through unchanged (no-op encoding).
func backendFactory() proxy.BackendFactory {
	return func(backend *config.Backend) proxy.Proxy {
		return proxy.NewHTTPProxyWithHTTPExecutor(backend, client.DefaultHTTPRequestExecutor(client.NewHTTPClient), backend.Decoder)
	}
}

func newLogger(cfg config.ServiceConfig) logging.Logger {
	logger, err := gologging.NewLogger(cfg.ExtraConfig)
	if err == nil {
		return logger
	}
	fallback, _ := logging.NewLogger("INFO", os.Stdout, "[GATEWAY]")
	if err != gologging.ErrWrongConfig {
		fallback.Error("[SERVICE: Logging] falling back to the plain logger:", err.Error())
	}
	return fallback
}
