// tornado-java chat room: sends and receives by long polling (POST /a/message/updates), or with
// ?transport=websocket over /chatsocket, or with ?transport=sse receives from /a/message/events (Server-Sent
// Events). Messages are inserted as text (textContent), never as HTML.
(function () {
  "use strict";

  var inbox = document.getElementById("inbox");
  var form = document.getElementById("messageform");
  var input = form.elements.body;
  var status = document.getElementById("status");
  var user = inbox.dataset.user;
  var cursor = inbox.dataset.cursor;
  var MAX_RETRY_DELAY = 30000;

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  // Adds one message in id order, as a copy of the page's message template (templates/chat/message.html, the
  // markup of the messages already shown); a message already shown (our own, echoed back) is skipped.
  var messageTemplate = document.getElementById("message-template").content.firstElementChild;

  function show(message) {
    if (document.getElementById("m" + message.id)) {
      return;
    }
    var item = messageTemplate.cloneNode(true);
    item.classList.toggle("mine", message.from === user);
    item.id = "m" + message.id;
    item.dataset.id = String(message.id);
    item.querySelector(".from").textContent = message.from;
    item.querySelector(".body").textContent = message.body;
    var after = inbox.lastElementChild;
    while (after && Number(after.dataset.id) > message.id) {
      after = after.previousElementSibling;
    }
    inbox.insertBefore(item, after ? after.nextSibling : inbox.firstChild);
    inbox.scrollTop = inbox.scrollHeight;
  }

  // Shows messages that came from the server's broadcast and moves the cursor past them.
  function receive(messages) {
    messages.forEach(function (message) {
      show(message);
      if (message.id > Number(cursor)) {
        cursor = String(message.id);
      }
    });
  }

  function post(path, fields, signal) {
    var data = new URLSearchParams(fields);
    if (form.elements._xsrf) {
      data.set("_xsrf", form.elements._xsrf.value);
    }
    var request = {method: "POST", body: data, credentials: "same-origin", signal: signal};
    return fetch(path, request).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status + " " + response.statusText);
      }
      return response.json();
    });
  }

  function retryDelay(previous) {
    return Math.min(previous * 2, MAX_RETRY_DELAY);
  }

  // The pending poll is aborted when the page is hidden: Chromium keeps the request of a page it navigated away
  // from open otherwise, and the server with it. Polling starts again if the page is shown again.
  var longPolling = {
    delay: 500,
    request: null,
    start: function () {
      var request = new AbortController();
      longPolling.request = request;
      setStatus("Receiving by long polling", "ok");
      post("/a/message/updates", {cursor: cursor}, request.signal).then(function (answer) {
        longPolling.delay = 500;
        receive(answer.messages);
        longPolling.start();
      }, function (error) {
        if (request.signal.aborted) {
          return;
        }
        setStatus("Connection lost (" + error.message + "), retrying", "error");
        setTimeout(longPolling.start, longPolling.delay);
        longPolling.delay = retryDelay(longPolling.delay);
      });
    },
    stop: function () {
      longPolling.request.abort();
    },
    send: function (body) {
      return post("/a/message/new", {body: body}).then(show);
    }
  };

  var webSocket = {
    delay: 500,
    socket: null,
    start: function () {
      var scheme = location.protocol === "https:" ? "wss://" : "ws://";
      var socket = new WebSocket(scheme + location.host + "/chatsocket?cursor=" + encodeURIComponent(cursor));
      socket.onopen = function () {
        webSocket.delay = 500;
        setStatus("Connected by WebSocket", "ok");
      };
      // A message of the room, or {error, body} when the server could not take what we sent: put it back.
      socket.onmessage = function (event) {
        var data = JSON.parse(event.data);
        if (data.error) {
          if (!input.value) {
            input.value = data.body;
          }
          setStatus("Not sent (" + data.error + ")", "error");
          return;
        }
        receive([data]);
      };
      socket.onclose = function () {
        setStatus("WebSocket closed, reconnecting", "error");
        setTimeout(webSocket.start, webSocket.delay);
        webSocket.delay = retryDelay(webSocket.delay);
      };
      webSocket.socket = socket;
    },
    stop: function () {
      webSocket.socket.onclose = null;
      webSocket.socket.close();
    },
    send: function (body) {
      if (!webSocket.socket || webSocket.socket.readyState !== WebSocket.OPEN) {
        return Promise.reject(new Error("not connected"));
      }
      webSocket.socket.send(JSON.stringify({body: body}));
      return Promise.resolve();
    }
  };

  // Receives through an EventSource, which reconnects by itself and resumes with Last-Event-ID; sends by POST.
  var serverSentEvents = {
    source: null,
    start: function () {
      var source = new EventSource("/a/message/events?cursor=" + encodeURIComponent(cursor));
      source.onopen = function () {
        setStatus("Receiving by Server-Sent Events", "ok");
      };
      source.onmessage = function (event) {
        receive([JSON.parse(event.data)]);
      };
      source.onerror = function () {
        setStatus("Event stream interrupted, reconnecting", "error");
      };
      serverSentEvents.source = source;
    },
    stop: function () {
      serverSentEvents.source.close();
    },
    send: longPolling.send
  };

  var transport = {websocket: webSocket, sse: serverSentEvents}[inbox.dataset.transport] || longPolling;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = input.value;
    if (!body.trim()) {
      return;
    }
    input.value = "";
    input.focus();
    transport.send(body).catch(function (error) {
      input.value = body;
      setStatus("Not sent (" + error.message + ")", "error");
    });
  });

  window.addEventListener("pagehide", function () {
    transport.stop();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      transport.start();
    }
  });

  inbox.scrollTop = inbox.scrollHeight;
  transport.start();
})();
