package dev.threshold.importing;

import java.io.Closeable;
import java.util.Iterator;

/**
 * The rows of one uploaded file, read as they stream in. {@link #next()} may throw
 * {@link TextInput.UnreadableFile} when the file turns out not to be readable at all.
 */
interface RowSource extends Iterator<ParsedRow>, Closeable {}
