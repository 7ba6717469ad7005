package io.troupe.examples.pinuschat;

import io.troupe.examples.web.Browser;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The chat page ({@code chat/web/index.html}) in one browser, driven by the demo's element ids. */
final class ChatPage implements AutoCloseable {
    /** One row of {@code #chatHistory}. */
    record Line(String kind, String from, String target, String text, boolean own, boolean hasElements) {
    }

    final Browser browser;
    private final String url;
    private boolean closed;

    ChatPage(String url) {
        this.browser = Browser.open();
        this.url = url;
        open();
    }

    void open() {
        browser.driver().get(url);
        browser.waitUntil().until(d -> "true".equals(body().getDomAttribute("data-ready")));
    }

    private WebElement body() {
        return browser.driver().findElement(By.tagName("body"));
    }

    private WebElement byId(String id) {
        return browser.driver().findElement(By.id(id));
    }

    /** Fills the login form and presses join (no waiting). */
    void submit(String name, String room) {
        byId("loginUser").clear();
        byId("loginUser").sendKeys(name);
        byId("channelList").clear();
        byId("channelList").sendKeys(room);
        byId("login").click();
    }

    /** Logs in and waits for the chat view. */
    ChatPage login(String name, String room) {
        submit(name, room);
        awaitState("chat");
        return this;
    }

    /** Waits for body[data-state] (login, joining, chat, reconnecting). */
    void awaitState(String state) {
        browser.waitUntil().until(d -> state.equals(body().getDomAttribute("data-state")));
    }

    String state() {
        return body().getDomAttribute("data-state");
    }

    String loginMessage() {
        return byId("loginError").getText();
    }

    /** Waits until the login message contains {@code text}. */
    void awaitLoginMessage(String text) {
        browser.waitUntil().until(d -> loginMessage().contains(text));
    }

    String name() {
        return byId("name").getText();
    }

    String room() {
        return byId("room").getText();
    }

    /** The user list's option values, {@code *} first. */
    List<String> users() {
        return new Select(byId("usersList")).getOptions().stream().map(o -> o.getDomProperty("value")).toList();
    }

    void awaitUsers(String... values) {
        browser.waitUntil().until(d -> users().equals(List.of(values)));
    }

    /** Sends {@code text} to {@code target} ({@code *} for all) with Enter, and waits until the input is cleared. */
    void send(String target, String text) {
        new Select(byId("usersList")).selectByValue(target);
        WebElement entry = byId("entry");
        entry.sendKeys(text + Keys.ENTER);
        browser.waitUntil().until(d -> entry.getDomProperty("value").isEmpty());
    }

    /** Presses leave and waits for the login view. */
    void leave() {
        byId("leave").click();
        awaitState("login");
    }

    @SuppressWarnings("unchecked")
    List<Line> history() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.driver().executeScript("""
                return [...document.querySelectorAll('#chatHistory > *')].map(row => ({
                  kind: row.classList.contains('message') ? 'message' : row.dataset.kind,
                  from: row.dataset.from || '', target: row.dataset.target || '',
                  text: (row.querySelector('.text') || row).textContent,
                  own: row.classList.contains('own'),
                  hasElements: row.querySelectorAll('.text *').length > 0 }));""");
        return rows.stream().map(r -> new Line((String) r.get("kind"), (String) r.get("from"),
                (String) r.get("target"), (String) r.get("text"), (Boolean) r.get("own"),
                (Boolean) r.get("hasElements"))).toList();
    }

    List<Line> messages() {
        return history().stream().filter(l -> l.kind().equals("message")).toList();
    }

    /** Waits until the history has a row matching {@code kind} and {@code text}, then returns it. */
    Line awaitLine(String kind, String text) {
        return browser.waitUntil().until(d -> history().stream()
                .filter(l -> l.kind().equals(kind) && l.text().equals(text)).findFirst().orElse(null));
    }

    /** Saves a screenshot to {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        browser.screenshot(name);
    }

    /** Quits the browser (its connections end as when a tab is closed); idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            browser.close();
        }
    }
}
