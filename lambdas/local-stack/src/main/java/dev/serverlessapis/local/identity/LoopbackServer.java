package dev.serverlessapis.local.identity;

import java.net.InetAddress;
import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Ssl;
import okhttp3.HttpUrl;

/**
 * mock-oauth2-server's Netty server, bound to the loopback interface whatever address it is asked for, with
 * {@link LocalLogin} in front of the issuer's own routes.
 */
final class LoopbackServer implements OAuth2HttpServer {
    private final OAuth2HttpServer netty;
    private final LocalLogin login;

    LoopbackServer(OAuth2HttpServer netty, LocalLogin login) {
        this.netty = netty;
        this.login = login;
    }

    @Override
    public OAuth2HttpServer start(InetAddress ignored, int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> routes) {
        netty.start(InetAddress.getLoopbackAddress(), port, login.before(routes));
        return this;
    }

    @Override
    public OAuth2HttpServer start(Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> routes) {
        return start(InetAddress.getLoopbackAddress(), 0, routes);
    }

    @Override
    public OAuth2HttpServer start(int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> routes) {
        return start(InetAddress.getLoopbackAddress(), port, routes);
    }

    @Override
    public OAuth2HttpServer stop() {
        netty.stop();
        return this;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public int port() {
        return netty.port();
    }

    @Override
    public HttpUrl url(String path) {
        return netty.url(path);
    }

    @Override
    public Ssl sslConfig() {
        return null;
    }
}
