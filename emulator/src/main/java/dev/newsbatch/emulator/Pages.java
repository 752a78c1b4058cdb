package dev.newsbatch.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Paging of list calls: newest first; the page token names the last item returned, so items created while a
 * client pages do not shift later pages. The last page carries no token (an empty token would make the SDK's
 * pager loop).
 */
final class Pages {
    private Pages() {}

    /** One page and the token of the next one (null on the last page). */
    record Page<T>(List<T> items, String nextPageToken) {}

    static String sortKey(Instant created, String id) {
        long nanos = created.getEpochSecond() * 1_000_000_000L + created.getNano();
        return String.format("%020d|%s", nanos, id);
    }

    static <T> Page<T> slice(List<T> all, Function<T, String> sortKey, String pageToken, String pageSizeText,
                             int defaultSize, int maxSize) {
        int size = size(pageSizeText, defaultSize, maxSize);
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(sortKey).reversed());
        String after = after(pageToken);
        List<T> page = new ArrayList<>();
        boolean more = false;
        for (T item : sorted) {
            String key = sortKey.apply(item);
            if (after != null && key.compareTo(after) >= 0) {
                continue;
            }
            if (page.size() == size) {
                more = true;
                break;
            }
            page.add(item);
        }
        String next = more ? token(sortKey.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
    }

    /** The page size asked for: {@code defaultSize} when absent or 0, at most {@code maxSize}. */
    static int size(String pageSizeText, int defaultSize, int maxSize) {
        int size = defaultSize;
        if (pageSizeText != null && !pageSizeText.isBlank()) {
            try {
                size = Integer.parseInt(pageSizeText.trim());
            } catch (NumberFormatException e) {
                throw ApiError.invalidArgument("Invalid value at 'page_size' (TYPE_INT32), \"" + pageSizeText + "\"");
            }
            if (size < 0) {
                throw ApiError.invalidArgument("page_size must be >= 0, was " + size);
            }
            size = size == 0 ? defaultSize : Math.min(size, maxSize);
        }
        return size;
    }

    /** The sort key a page token names (items below it come next), or null for the first page. */
    static String after(String pageToken) {
        String after = null;
        if (pageToken != null && !pageToken.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidArgument("Invalid page token.");
            }
        }
        return after;
    }

    /** The page token that names the item with sort key {@code key}. */
    static String token(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
