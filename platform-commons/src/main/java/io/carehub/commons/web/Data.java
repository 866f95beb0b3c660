package io.carehub.commons.web;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The envelope of every single-object response: {@code {"data": {...}}} (the live v1 API's). {@code data} is written
 * as what it is, whatever the declared type: a view as a client's roles let it be read is JSON (API-CORE.md §C9).
 */
public record Data<T>(@JsonSerialize(using = RuntimeTypeSerializer.class) T data) {

    public static <T> Data<T> of(T data) {
        return new Data<>(data);
    }
}
