/**
 * The platform adapters: one {@link org.tifli.infrastructure.platform.PlatformPublisher} per
 * platform (Facebook Pages, Instagram, X, Telegram, partner webhooks), reached through {@link
 * org.tifli.infrastructure.platform.Publishers}, which pauses a channel that keeps failing and
 * bounds each call in time. Each publisher calls its platform through a typed MicroProfile Rest
 * Client ({@code GraphApiClient}, {@code XApiClient}, {@code TelegramBotClient}, {@code
 * PartnerWebhookClient}) built on the configured base URL; {@code PlatformCall} says how.
 *
 * <p>What the delivery pipeline can rely on:
 *
 * <ul>
 *   <li>every failure is a {@link org.tifli.infrastructure.platform.PlatformException}, retry later
 *       or needs a fix, with the platform's wait when it gave one, and never the secret in its
 *       message;
 *   <li>no post is ever sent over the platform's limit: the text is cut, the link and the tag are
 *       kept;
 *   <li>a retraction of a post that is gone already succeeds, so it can be repeated;
 *   <li>a post can be found again by its tag on Facebook, Instagram and X; not on Telegram nor
 *       webhooks, where a repeated delivery may post twice.
 * </ul>
 */
package org.tifli.infrastructure.platform;
