package org.tornadojava.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** The demo's own settings, {@code tornado-demo.*}. Bound at start-up; a plain holder. */
@ConfigurationProperties("tornado-demo")
public class DemoProperties {
    /**
     * Folder served by /download/(name). Unset: a temporary folder holding a 10 MiB sample.bin.
     */
    private Path downloadDir;

    /**
     * The folder {@code /download/(name)} serves.
     *
     * @return the folder, or null for the generated default
     */
    public Path getDownloadDir() {
        return downloadDir;
    }

    /**
     * Sets the folder {@code /download/(name)} serves.
     *
     * @param downloadDir an existing folder
     */
    public void setDownloadDir(Path downloadDir) {
        this.downloadDir = downloadDir;
    }
}
