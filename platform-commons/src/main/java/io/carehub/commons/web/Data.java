package io.carehub.commons.web;

/** The envelope of every single-object response: {@code {"data": {...}}} (the live v1 API's). */
public record Data<T>(T data) {

    public static <T> Data<T> of(T data) {
        return new Data<>(data);
    }
}
