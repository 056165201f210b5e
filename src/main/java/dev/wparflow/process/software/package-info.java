/**
 * Software levels of an LPAR's global environment and its WPARs, shared by the processes that change or repair them
 * (no model of its own): {@link dev.wparflow.process.software.SoftwareDrift} measures which WPARs' levels differ from
 * their global environment's, {@link dev.wparflow.process.software.WparSoftwareSync} brings one WPAR to them —
 * {@code syncwpar} for a shared WPAR, {@code inuwpar} from a software source for a detached one (Redbook 4.3.2,
 * RB:3416-3423; IBM reference: inuwpar) — and reads its levels again to say whether it is in sync.
 */
package dev.wparflow.process.software;
