package io.troupe.server.internal.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET and HEAD with files from {@link WebFiles} (and {@code /config.json} with the configured JSON); 405 for
 * other methods, 404 for anything not found or not allowed by {@link WebPaths}, 400 for undecodable requests.
 * Every response has {@code Cache-Control: no-cache} and {@code X-Content-Type-Options: nosniff}. Stateless and
 * shared by all connections.
 */
@ChannelHandler.Sharable
final class StaticFileHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String CONFIG_PATH = "config.json";
    private static final Logger LOG = LoggerFactory.getLogger(StaticWebServer.class);

    private final WebFiles files;
    private final byte[] configJson;

    StaticFileHandler(WebFiles files, byte[] configJson) {
        this.files = files;
        this.configJson = configJson;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            send(ctx, request, text(HttpResponseStatus.BAD_REQUEST), false);
            return;
        }
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED);
            r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, request, r, keepAlive);
            return;
        }
        String path = WebPaths.relativePath(request.uri());
        byte[] body;
        try {
            body = path == null ? null
                    : configJson != null && path.equals(CONFIG_PATH) ? configJson : files.read(path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read {}: {}", path, e.toString());
            body = null;
        }
        if (body == null) {
            send(ctx, request, text(HttpResponseStatus.NOT_FOUND), keepAlive);
            return;
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, ContentTypes.of(path));
        send(ctx, request, r, keepAlive);
    }

    private static FullHttpResponse text(HttpResponseStatus status) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(status.toString() + "\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    /** Sends {@code r}: content length and cache headers set; a HEAD response keeps the length but no body. */
    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse r,
            boolean keepAlive) {
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        r.headers().set("X-Content-Type-Options", "nosniff");
        if (HttpMethod.HEAD.equals(request.method())) {
            r.content().clear();
        }
        if (keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(r);
        } else {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Closing web connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
