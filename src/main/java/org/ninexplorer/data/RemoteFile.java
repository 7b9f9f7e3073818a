package org.ninexplorer.data;

/** One file of a downloadable dataset and the MD5 of its bytes as served. */
public record RemoteFile(String name, String md5) {
}
