package dev.threshold.nudge.webhooks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** A webhook receiver on 127.0.0.1 for tests: records every request and the status it answered. */
final class Receiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, int answered) {}

    private final HttpServer server;
    final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    final List<Request> all = new CopyOnWriteArrayList<>();
    volatile IntSupplier status = () -> 200;
    /** The length of the answer's body (bytes of 'x'); none when 0, and never for a 204. */
    volatile int answerBytes;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = status.getAsInt();
            Request r = new Request(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body,
                    code);
            // recorded before the answer: once the worker has its answer, the test sees the request
            all.add(r);
            queue.add(r);
            int length = code == 204 ? 0 : answerBytes;
            exchange.sendResponseHeaders(code, length == 0 ? -1 : length);
            if (length > 0) {
                exchange.getResponseBody().write("x".repeat(length).getBytes(StandardCharsets.US_ASCII));
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next request, waiting at most {@code seconds}; null if none came. */
    Request next(int seconds) throws InterruptedException {
        return queue.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
