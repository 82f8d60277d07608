package org.tifli.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API under {@code /api/v1}, for police systems and scripts. Callers authenticate with a
 * bearer token from {@code POST /api/v1/tokens}; every error is {@code application/problem+json}.
 */
@ApplicationPath("api/v1")
public class TifliApi extends Application {}
