package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.multipart.DiskFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file part of a streamed multipart body, written by Netty's decoder into a temporary file the request owns.
 * Unlike Netty's {@link DiskFileUpload} it does not {@code fsync} the file when the part ends (a temporary file
 * needs no durability, and forcing a large part to disk would stall the IOLoop for seconds) and leaves deleting the
 * file to its owner ({@link StreamedMultipart}, then the request's writer). IOLoop thread only.
 */
final class UploadPartFile extends DiskFileUpload {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final Path path;
    private FileChannel channel;

    UploadPartFile(Path path, String name, String filename, String contentType, String contentTransferEncoding,
                   Charset charset, long size) throws IOException {
        super(name, filename, contentType, contentTransferEncoding, charset, size);
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.WRITE);
    }

    /** The part's file. */
    Path path() {
        return path;
    }

    /**
     * Appends {@code buffer} (released here, as Netty's contract says) and, after the last piece, closes the file and
     * marks the part complete.
     */
    @Override
    public void addContent(ByteBuf buffer, boolean last) throws IOException {
        if (buffer != null) {
            try {
                int length = buffer.readableBytes();
                checkSize(size + length);
                ByteBuffer[] pieces = buffer.nioBuffers();
                long written = 0;
                while (written < length) {
                    written += channel.write(pieces);
                }
                size += length;
            } finally {
                buffer.release();
            }
        }
        if (last) {
            closeChannel();
            setContent(path.toFile());
        }
    }

    /** Closes the file if still open (failures are ignored); the file itself stays for its owner to delete. */
    @Override
    public void delete() {
        try {
            closeChannel();
        } catch (IOException e) {
            GENERAL_LOG.debug("closing {} failed: {}", path, e.toString());
        }
        super.delete();
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            FileChannel open = channel;
            channel = null;
            open.close();
        }
    }
}
