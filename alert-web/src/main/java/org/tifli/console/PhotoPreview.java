package org.tifli.console;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A small JPEG of a photo, as a {@code data:} address, for the console's previews: the page carries
 * a few kilobytes rather than the photo's megabytes, and no other address has to serve it.
 *
 * <p>The photo is decoded subsampled, so that decoding never holds more than about the preview's
 * pixels in memory whatever size the header announces (photos are checked by {@code CasePhotos}
 * before they get here; this is the second guard). Each preview links to the photo in full, served
 * to the police's sessions by {@link CasePhotoImage}.
 */
final class PhotoPreview {

  /** The longest side of a preview, in pixels. */
  static final int SIDE = 240;

  private PhotoPreview() {}

  /** The preview, or an empty string when the image cannot be decoded. */
  static String of(byte[] photo) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        return "";
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, longest / SIDE);
        param.setSourceSubsampling(step, step, 0, 0);
        return dataUri(scaled(reader.read(0, param)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static BufferedImage scaled(BufferedImage image) {
    double factor = Math.min(1.0, (double) SIDE / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
    int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
    BufferedImage preview = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = preview.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(image, 0, 0, width, height, java.awt.Color.WHITE, null);
    } finally {
      graphics.dispose();
    }
    return preview;
  }

  private static String dataUri(BufferedImage preview) throws IOException {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(preview, "jpeg", jpeg);
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg.toByteArray());
  }
}
