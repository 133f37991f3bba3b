package dev.threshold.support;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 for what RestAssured cannot send: a request whose declared body is larger than the server accepts. */
public final class RawHttp {

    private RawHttp() {}

    /** Sends only the head of a POST declaring {@code contentLength} bytes plus a little body, and returns the raw response. */
    public static String postHead(String path, String token, long contentLength) throws Exception {
        int port = RestAssured.port;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                    + "\r\n\r\n{\"displayName\":\"";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    response.write(buf, 0, n);
                    if (response.toString(StandardCharsets.UTF_8).contains("\r\n\r\n") && response.size() > 200) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | SocketException e) {
                // the server may close the connection after answering
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * POSTs {@code totalBytes} of JSON-ish filler with {@code Transfer-Encoding: chunked} (no declared length), a megabyte a
     * chunk, stopping early when the server answers or closes; the raw response.
     */
    public static String postChunked(String path, String token, String contentType, long totalBytes) throws Exception {
        int port = RestAssured.port;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            InputStream in = socket.getInputStream();
            try {
                for (long sent = 0; sent < totalBytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (in.available() > 0) {
                        break;
                    }
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException e) {
                // the server answered and closed while the body was still being sent
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    response.write(buf, 0, n);
                    if (response.toString(StandardCharsets.UTF_8).contains("\r\n\r\n") && response.size() > 100) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | SocketException e) {
                // closed after answering
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
