package io.carehub.commons.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests sent as the bytes given, over a socket of their own: what HTTP client libraries refuse to send
 * (a raw {@code %zz} in a query, no {@code Content-Type} at all, a chunked body past every limit, invalid UTF-8) and
 * without REST Assured's logging of bodies (a 10 000-deep body pretty-printed fills the heap).
 */
public final class RawHttp {

    /** What came back: status, headers (names in lower case) and body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends {@code method target} with {@code headers} (a null value: the header is left out) and {@code body} (null:
     * none), chunked when asked (no {@code Content-Length}), and reads the whole response.
     */
    public Response send(String method, String target, Map<String, String> headers, byte[] body, boolean chunked)
            throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> {
                if (value != null) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            });
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    writeBody(out, body, chunked);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, say) and close before reading all of the body: read what it said.
            }
            return parse(socket.getInputStream());
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) throws IOException {
        if (!chunked) {
            out.write(body);
            return;
        }
        int chunk = 64 * 1024;
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Response parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IOException("no complete response head (" + all.length + " bytes): "
                    + new String(all, 0, Math.min(all.length, 200), StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Response(status, headers, rest);
    }

    private static byte[] dechunk(byte[] data) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(data, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (lineEnd < 0) {
                throw new IOException("a chunked body cut short");
            }
            String size = new String(data, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                return body.toByteArray();
            }
            body.write(data, lineEnd + 2, n);
            at = lineEnd + 2 + n + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
