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
 * looping forever (the NETSCAPE2.0 application extension). Frames in full colour are reduced to a palette of 256
 * colours each by the writer.
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
                    BufferedImage frame = frames.get(i);
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

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) n;
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
