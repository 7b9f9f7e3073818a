package org.ninexplorer.ui.graph;

/**
 * What a card says about its difference from the baseline.
 *
 * @param mark  added, changed or unchanged ({@link DiffMark#NONE} when nothing is compared)
 * @param badge the mark in words, e.g. {@code ~ changed}; its sign tells the marks apart without colour
 * @param delta what differs, e.g. {@code channels 192 → 96} and {@code params −1.20 M}; may be empty
 */
public record CardMark(DiffMark mark, String badge, String delta) {

    public static final CardMark NONE = new CardMark(DiffMark.NONE, "", "");
}
