package dev.anchorsweep.analysis.chart;

import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An animated GIF written with the JDK's own GIF writer (javax.imageio): each frame with its delay, the whole
 * looping forever (the NETSCAPE2.0 application extension). Frames in full colour are mapped to one fixed palette of
 * 256 colours ({@link #indexed(BufferedImage)}).
 */
public final class GifAnimation {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifAnimation() {
    }

    /**
     * @param delays each frame's delay in hundredths of a second (one per frame)
     */
    public static void write(Path file, List<BufferedImage> frames, List<Integer> delays) {
        if (frames.isEmpty() || frames.size() != delays.size()) {
            throw new IllegalArgumentException("a GIF needs frames and one delay per frame, but got " + frames.size()
                    + " frames and " + delays.size() + " delays");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames.size(); i++) {
                    BufferedImage frame = indexed(frames.get(i));
                    IIOMetadata metadata = writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(frame), writer.getDefaultWriteParam());
                    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
                    IIOMetadataNode control = child(root, "GraphicControlExtension");
                    control.setAttribute("disposalMethod", "none");
                    control.setAttribute("userInputFlag", "FALSE");
                    control.setAttribute("transparentColorFlag", "FALSE");
                    control.setAttribute("delayTime", Integer.toString(delays.get(i)));
                    control.setAttribute("transparentColorIndex", "0");
                    if (i == 0) {
                        IIOMetadataNode apps = child(root, "ApplicationExtensions");
                        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                        loop.setAttribute("applicationID", "NETSCAPE");
                        loop.setAttribute("authenticationCode", "2.0");
                        loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
                        apps.appendChild(loop);
                    }
                    metadata.setFromTree(FORMAT, root);
                    writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                }
                writer.endWriteSequence();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the animation " + file, e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The frame in one fixed palette — a 6 × 6 × 6 colour cube and 40 greys — each pixel mapped to its nearest entry:
     * far faster than the writer's own palette search per frame, and fine for charts of flat colours.
     */
    static BufferedImage indexed(BufferedImage frame) {
        if (frame.getType() == BufferedImage.TYPE_BYTE_INDEXED) return frame;
        BufferedImage out = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                PALETTE);
        byte[] pixels = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[frame.getWidth()];
        for (int y = 0; y < frame.getHeight(); y++) {
            frame.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) pixels[y * row.length + x] = (byte) paletteIndex(row[x]);
        }
        return out;
    }

    private static final int GREYS = 40;
    private static final java.awt.image.IndexColorModel PALETTE = palette();

    private static java.awt.image.IndexColorModel palette() {
        byte[] r = new byte[256], g = new byte[256], b = new byte[256];
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (i / 36 * 51);
            g[i] = (byte) (i / 6 % 6 * 51);
            b[i] = (byte) (i % 6 * 51);
        }
        for (int i = 0; i < GREYS; i++) {
            int v = (int) Math.round(255.0 * i / (GREYS - 1));
            r[216 + i] = g[216 + i] = b[216 + i] = (byte) v;
        }
        return new java.awt.image.IndexColorModel(8, 256, r, g, b);
    }

    static int paletteIndex(int rgb) {
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
        if (max - min < 12) return 216 + Math.round((r + g + b) / 3f / 255f * (GREYS - 1));
        return Math.round(r / 51f) * 36 + Math.round(g / 51f) * 6 + Math.round(b / 51f);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) n;
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
