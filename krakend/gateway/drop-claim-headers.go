package main

import (
	"github.com/gin-gonic/gin"
	jose "github.com/krakend/krakend-jose/v2"
	"github.com/luraproject/lura/v2/config"
	"github.com/luraproject/lura/v2/proxy"
	luragin "github.com/luraproject/lura/v2/router/gin"
)

// dropClaimHeaders removes, before the token is validated, every header the validator fills
// from claims. The validator overwrites a header whose claim is present but leaves it alone
// when the claim is missing, so a token without tenant_id plus a hand-written X-Tenant-Id
// header would otherwise reach the backend carrying the client's value.
func dropClaimHeaders(next luragin.HandlerFactory) luragin.HandlerFactory {
	return func(endpoint *config.EndpointConfig, p proxy.Proxy) gin.HandlerFunc {
		handler := next(endpoint, p)
		signature, err := jose.GetSignatureConfig(endpoint)
		if err != nil || len(signature.PropagateClaimsToHeader) == 0 {
			return handler
		}

		var headers []string
		for _, claim := range signature.PropagateClaimsToHeader {
			if len(claim) == 2 {
				headers = append(headers, claim[1])
			}
		}
		return func(c *gin.Context) {
			for _, header := range headers {
				c.Request.Header.Del(header)
			}
			handler(c)
		}
	}
}
