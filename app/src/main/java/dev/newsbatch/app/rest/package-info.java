/**
 * The REST API (Javalin): one route table ({@link dev.newsbatch.app.rest.Routes}), thin handlers
 * over the SDK's API, one exception mapper to {@code {error, field, detail}} bodies, and the OpenAPI
 * document checked against the served routes both ways.
 *
 * <p>May import: the SDK's API packages, Javalin. Never {@code dev.newsbatch.internal}.
 */
package dev.newsbatch.app.rest;
