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
}
