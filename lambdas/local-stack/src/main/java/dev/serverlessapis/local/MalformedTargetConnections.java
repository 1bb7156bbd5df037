package dev.serverlessapis.local;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections on which a request whose target Jetty cannot parse (a path with a malformed {@code %} escape,
 * {@code /users/%ZZ}) is still read to the end of its headers, so that its 400 is answered as the emulator's other
 * gateway answers are: with the gateway response headers Terraform configures, the request's {@code Origin} echoed,
 * so a page can read it. Jetty itself gives up at the request line, before any header is read, so its error handler
 * cannot know the Origin. Such a request reaches the emulator with {@link #MALFORMED_TARGET} for its target instead,
 * and the target as sent in the connection's attribute {@link #SENT_TARGET}, so that API Gateway's URL quota measures
 * it (414 before 400). So does one whose target Jetty's URI parser refuses for any other reason (a bad authority, an
 * illegal character), which is why the 400 names no single cause. Its answer says {@code Connection: close} and the
 * connection is closed after it, as Jetty does after a request it cannot parse.
 * <p>
 * {@link #newConnection} copies Jetty 12.0.x's {@code HttpConnectionFactory.newConnection} and subclasses its
 * {@code org.eclipse.jetty.server.internal.HttpConnection}, an internal API; Jetty 12.1's factory configures the
 * connection differently (a chunk length limit, no direct buffer settings). Upgrading Jetty (DynamoDB Local brings it)
 * means revisiting this class; {@code MalformedRequestTest} says whether it still works.
 */
final class MalformedTargetConnections extends HttpConnectionFactory {
    /** The target a request stands under when its own could not be parsed; the emulator answers it with a 400. */
    static final String MALFORMED_TARGET = "/_local/malformed-request-target";
    /**
     * The connection's attribute holding the target a request under {@link #MALFORMED_TARGET} was sent with; that
     * request is the connection's last, so the attribute is never seen by another.
     */
    static final String SENT_TARGET = MalformedTargetConnections.class.getName() + ".sentTarget";

    MalformedTargetConnections(HttpConfiguration configuration) {
        super(configuration);
    }

    /** As {@link HttpConnectionFactory#newConnection}, with the one method that builds each request's target changed. */
    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        var connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
                try {
                    return super.newHttpStream(method, uri, version);
                } catch (IllegalArgumentException malformed) {
                    setAttribute(SENT_TARGET, uri);
                    return new HttpStreamOverHTTP1(method, MALFORMED_TARGET, version) {
                        @Override
                        public void prepareResponse(HttpFields.Mutable headers) {
                            super.prepareResponse(headers);
                            headers.put(HttpFields.CONNECTION_CLOSE);
                        }
                    };
                }
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }
}
