package org.careconnect.smart.scope;

/** Which SMART grammar a resource scope was written in: v1 ({@code .read/.write/.*}) or v2 ({@code .cruds}). */
public enum ScopeVersion {
    V1,
    V2
}
