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
     * Folder POST /upload stores files in. Unset: a folder the demo creates under the system's temporary folder.
     */
    private Path uploadDir;

    /**
     * How many chat messages the room keeps (the newest ones); pages and late long polls get these.
     */
    private int messageCache = 200;

    /**
     * Redis shared by every instance for the chat (history and broadcast), e.g. {@code redis://127.0.0.1:6379/0}.
     * Unset: the chat is kept in this process only.
     */
    private String redisUrl;

    /**
     * Folder of the blog's embedded H2 database (used while {@code spring.datasource.url} is the default H2 one).
     */
    private Path dataDir;

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

    /**
     * The folder {@code POST /upload} stores files in.
     *
     * @return the folder, or null for the generated default
     */
    public Path getUploadDir() {
        return uploadDir;
    }

    /**
     * Sets the folder {@code POST /upload} stores files in; it is created when missing.
     *
     * @param uploadDir a folder
     */
    public void setUploadDir(Path uploadDir) {
        this.uploadDir = uploadDir;
    }

    /**
     * How many chat messages the room keeps.
     *
     * @return at least 1, 200 by default
     */
    public int getMessageCache() {
        return messageCache;
    }

    /**
     * Sets how many chat messages the room keeps.
     *
     * @param messageCache at least 1
     */
    public void setMessageCache(int messageCache) {
        this.messageCache = messageCache;
    }

    /**
     * The Redis the chat is shared through.
     *
     * @return a {@code redis://} URL, or null to keep the chat in memory
     */
    public String getRedisUrl() {
        return redisUrl;
    }

    /**
     * Sets the Redis the chat is shared through.
     *
     * @param redisUrl a {@code redis://} URL, or null or blank to keep the chat in memory
     */
    public void setRedisUrl(String redisUrl) {
        this.redisUrl = redisUrl;
    }

    /**
     * The folder of the blog's H2 database.
     *
     * @return the folder ({@code application.yml} defaults it to {@code ${java.io.tmpdir}/tornado-demo/data})
     */
    public Path getDataDir() {
        return dataDir;
    }

    /**
     * Sets the folder of the blog's H2 database; H2 creates it when missing.
     *
     * @param dataDir a folder
     */
    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }
}
