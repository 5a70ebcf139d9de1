package org.careconnect.smart.auth.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the admin API's controllers, whose errors {@link AdminErrors} answers as JSON. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AdminApi {}
