package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /}: an HTML page linking to every demo. IOLoop thread. */
@Handler("/")
class IndexHandler extends RequestHandler {
    public void get() {
        write(Page.html(this, "tornado-java demo", """
                <main class="card">
                  <h1>tornado-java demo</h1>
                  <h2>Chat</h2>
                  <ul class="demos">
                    <li><a href="/login">/login</a>, then <a href="/room">/room</a>: the chat room, receiving by long
                      polling; <a href="/room?transport=websocket">/room?transport=websocket</a> uses a WebSocket,
                      <a href="/room?transport=sse">/room?transport=sse</a> Server-Sent Events
                      (open two browsers to talk to yourself); <a href="/logout">/logout</a></li>
                    <li><a href="/stats">/stats</a>: waiting long polls, open chat sockets, kept messages</li>
                    <li><code>ws://host/ws/echo</code>: a WebSocket echoing text and binary messages</li>
                    <li><a href="/admin">/admin</a>: only from <code>tornado-demo.admin-whitelist</code>, else 403</li>
                  </ul>
                  <h2>Blog</h2>
                  <ul class="demos">
                    <li><a href="/blog/">/blog/</a>: Tornado's blog demo (templates, the <code>Entry</code> UI module,
                      Markdown, an H2 or PostgreSQL database); <a href="/blog/archive">/blog/archive</a>,
                      <a href="/blog/feed">/blog/feed</a> (Atom)</li>
                  </ul>
                  <h2>Operations</h2>
                  <ul class="demos">
                    <li><a href="/actuator/health">/actuator/health</a> (probes: <a href="/actuator/health/liveness">
                      liveness</a>, <a href="/actuator/health/readiness">readiness</a>),
                      <a href="/actuator/prometheus">/actuator/prometheus</a>,
                      <a href="/actuator/mappings">/actuator/mappings</a>: Spring Boot's Actuator on Tornado</li>
                  </ul>
                  <h2>Requests and responses</h2>
                  <ul class="demos">
                    <li><a href="/plaintext">/plaintext</a> and <a href="/json">/json</a>: the benchmark routes</li>
                    <li><a href="/fortunes">/fortunes</a>: TechEmpower's fortunes, rendered by a template</li>
                    <li><a href="%s">/story/1</a>: a path argument</li>
                    <li><a href="/old-home">/old-home</a>: redirects here (301)</li>
                    <li><a href="/error/418">/error/418</a>: an <code>HttpError</code></li>
                    <li><a href="/blocking?seconds=1">/blocking?seconds=1</a>: sleeps on the executor</li>
                    <li><a href="/download/sample.bin">/download/sample.bin</a>: 10 MiB streamed from an executor
                      thread</li>
                    <li><form method="post" action="/upload" enctype="multipart/form-data">/upload:
                      <input type="file" name="file" multiple> <button>Upload</button></form>
                      stores the files, answers their sizes and SHA-256 (large bodies spill to disk)</li>
                    <li><a href="/api/stories?limit=5&amp;order=newest">/api/stories</a>: typed input, a JSON
                      API (<code>POST</code> a story: bound, validated, 201; <code>GET</code> with typed arguments)</li>
                    <li><a href="/static/chat.css">/static/chat.css</a> and
                      <a href="/static/chat.js">/static/chat.js</a>: static files</li>
                  </ul>
                </main>""".formatted(reverseUrl("story", 1))));
    }
}
