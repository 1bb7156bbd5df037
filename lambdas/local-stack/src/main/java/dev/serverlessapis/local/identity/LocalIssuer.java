package dev.serverlessapis.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The local stand-in for the Cognito user pool: an OpenID Connect issuer on 127.0.0.1 (mock-oauth2-server) with
 * discovery, JWKS, authorization code with PKCE for the page, and a password grant for scripts. Anyone signs in as any
 * handle without a password, so it exists only in the local stack and never in the Lambda package. Its ID tokens carry
 * the claims a Cognito user pool's do ({@link CognitoShapedClaims}).
 *
 * <p>Discovery: {@code <issuer>/.well-known/openid-configuration}. A token for scripts:
 * <pre>
 * curl -s -d grant_type=password -d client_id=local-page -d scope=openid -d username=ada -d password=local \
 *      [-d groups=admins] http://127.0.0.1:PORT/local/token | jq -r .id_token
 * </pre>
 * or, without jq, the command {@code make run} prints (the README's).
 */
public final class LocalIssuer implements AutoCloseable {
    public static final String ISSUER_ID = "local";
    /** The app client of the page, as the Cognito app client is on AWS. */
    public static final String PAGE_CLIENT_ID = "local-page";

    private final MockOAuth2Server server;
    private final Path loginPage;
    private final Set<String> callbackUrls;

    private LocalIssuer(MockOAuth2Server server, Path loginPage, Set<String> callbackUrls) {
        this.server = server;
        this.loginPage = loginPage;
        this.callbackUrls = callbackUrls;
    }

    /** A fresh RS256 key for each start: tokens of an earlier run stop working, as after a key rotation. */
    public static RSAKey newSigningKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(ISSUER_ID).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException noRsa) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", noRsa);
        }
    }

    /** Listens on 127.0.0.1 only; port 0 for any free port. */
    public static LocalIssuer start(int port, RSAKey signingKey, Clock clock) {
        var loginPage = copyLoginPage();
        Set<String> callbackUrls = ConcurrentHashMap.newKeySet();
        var keys = new KeyProvider(List.of(signingKey), JWSAlgorithm.RS256.getName());
        var config = new OAuth2Config(
                true, loginPage.toString(), null, false,
                new OAuth2TokenProvider(keys, () -> clock.instant()),
                Set.of(new CognitoShapedClaims(ISSUER_ID, clock)),
                new LoopbackServer(new NettyWrapper(null), new LocalLogin(ISSUER_ID, clock, callbackUrls)));
        var server = new MockOAuth2Server(config);
        server.start(InetAddress.getLoopbackAddress(), port);
        return new LocalIssuer(server, loginPage, callbackUrls);
    }

    /** The {@code iss} of every token, for requests made to 127.0.0.1 (a token fetched via {@code localhost} names that host instead). */
    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID);
    }

    /**
     * Lets the page's app client be sent back to {@code url} with a code, as Cognito's callback URLs do; any other
     * {@code redirect_uri} is refused, so a page that sends one it was not registered with fails here as on AWS.
     */
    public void registerCallbackUrl(URI url) {
        callbackUrls.add(url.toString());
    }

    /** The page client's callback URLs registered so far. */
    public Set<URI> callbackUrls() {
        return callbackUrls.stream().map(URI::create).collect(Collectors.toUnmodifiableSet());
    }

    public URI discovery() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    public URI jwks() {
        return URI.create(issuer() + "/jwks");
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/token");
    }

    public URI authorizationEndpoint() {
        return URI.create(issuer() + "/authorize");
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            Files.deleteIfExists(loginPage);
        } catch (IOException ignored) {
            loginPage.toFile().deleteOnExit();
        }
    }

    /** mock-oauth2-server reads its login page from a file, not the class path. */
    private static Path copyLoginPage() {
        try (InputStream page = Objects.requireNonNull(LocalIssuer.class.getResourceAsStream("/local-issuer/login.html"),
                "local-issuer/login.html is missing from the class path")) {
            var file = Files.createTempFile("local-issuer-login", ".html");
            Files.copy(page, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot write the local login page", unwritable);
        }
    }
}
