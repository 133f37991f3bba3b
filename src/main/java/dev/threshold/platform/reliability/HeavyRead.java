package dev.threshold.platform.reliability;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that costs the database far more than a point read (the network summary, the recommendations):
 * at most {@code threshold.db.heavy-reads} of them run at once per instance ({@link HeavyReadLimit}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HeavyRead {}
