package org.relationshipledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The benchmarks' HTTP client of one real service, as a client of the secured API would call it: a development
 * token minted once (signing one per request would be measured as the service's latency) and every request built
 * in {@link #request}, so a header the services come to require is added in one place.
 */
final class ServiceClient {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUri;
    private final String token;

    ServiceClient(String baseUri, String token) {
        this.baseUri = baseUri;
        this.token = token;
    }

    /** The body of a 2xx answer; anything else is a failed benchmark, with the service's problem in the message. */
    byte[] send(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = exchange(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** The answer whatever its status, for callers that wait for a 404 to turn into a 200. */
    HttpResponse<byte[]> exchange(String method, String path, String body) throws IOException, InterruptedException {
        return client.send(request(method, path, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
