/**
 * pinus/pomelo configuration files: {@code master.json} and {@code servers.json} of one environment,
 * read with {@link io.troupe.server.config.AppConfig#load(java.nio.file.Path, String)} into
 * records; errors are {@link io.troupe.server.config.ConfigException}s naming file, place and
 * expectation.
 */
package io.troupe.server.config;
