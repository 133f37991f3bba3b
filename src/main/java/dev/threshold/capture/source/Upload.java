package dev.threshold.capture.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * An uploaded file that can be opened more than once (a spooled body or multipart part on disk): some sources read
 * twice, the first time to decide what the file never says (a WhatsApp file's day/month order, who the owner is).
 */
@FunctionalInterface
public interface Upload {
    InputStream open() throws IOException;
}
